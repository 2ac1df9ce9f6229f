package dev.capstan.it.support;

import dev.capstan.access.entity.GlobalRole;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

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

    /** A new user with one role (password: the user name + "-password"), signed in over HTTP. */
    protected PortalClient signedIn(String username, GlobalRole role) throws IOException, InterruptedException {
        TestDatabase.createUser(username, username + "-password", role);
        PortalClient client = new PortalClient(URI.create(base.toString()));
        HttpResponse<String> signIn = client.signIn(username, username + "-password");
        if (signIn.statusCode() != 302) {
            throw new IllegalStateException(username + " could not sign in: " + signIn.statusCode());
        }
        return client;
    }
}
