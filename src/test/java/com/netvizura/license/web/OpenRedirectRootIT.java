package com.netvizura.license.web;

import com.netvizura.license.it.InitialLicense;
import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * {@link OpenRedirectChecks} with the WAR deployed as {@code ROOT.war}, at the root context, where the review found
 * the open redirect: there a raw request URI can itself start with {@code //}.
 */
class OpenRedirectRootIT extends OpenRedirectChecks {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(builtWar(OpenRedirectRootIT.class, InitialLicense.VALID));
    }

    @Override
    protected String contextPath() {
        return "";
    }

    /** The application root is the server root here, whatever Arquillian names the deployment's URL. */
    @Override
    protected URI url(String path) {
        return server().resolve("/" + path);
    }
}
