package io.heavylegs.journal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The landing page after login. The journal itself is built in the Symptom journal issue. */
@Path("/journal")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class JournalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list();
    }

    @GET
    public TemplateInstance list() {
        return Templates.list();
    }
}
