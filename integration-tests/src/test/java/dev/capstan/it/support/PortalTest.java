package dev.capstan.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/** A black-box test: the EAR as it ships, deployed on the test server, used from outside. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class PortalTest {

    /** The portal's address, e.g. http://127.0.0.1:8080/. */
    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static EnterpriseArchive capstan() {
        return Deployments.capstan();
    }
}
