package dev.capstan.it.support;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The EAR that `mvn install` built, exactly as it ships. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive capstan() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/capstan.ear"));
    }

    /**
     * The shipped EAR plus one web module, {@code capstan-its.war} at {@code /capstan-its}, holding
     * an in-container test and its helper beans. Arquillian runs the test inside that module: its
     * own, unsecured web module, so the portal's security constraints stay exactly as shipped.
     */
    public static EnterpriseArchive capstanWithTests(Class<?>... testClasses) throws IOException {
        return capstanWithTests(ShrinkWrap.create(WebArchive.class, "capstan-its.war").addClasses(testClasses));
    }

    /** As above, with a test module the caller assembled (e.g. with resources the test reads). */
    public static EnterpriseArchive capstanWithTests(WebArchive tests) throws IOException {
        EnterpriseArchive ear = capstan();
        ear.addAsModule(Testable.archiveToTest(tests.addClass(UnsecuredModule.class)));
        String applicationXml;
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            applicationXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ear.setApplicationXML(new StringAsset(applicationXml.replace("<library-directory>", """
                <module><web><web-uri>capstan-its.war</web-uri><context-root>/capstan-its</context-root></web></module>
                  <library-directory>""")));
        return ear;
    }
}
