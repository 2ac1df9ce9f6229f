package dev.capstan.bench.portal;

import dev.capstan.bench.api.ApiLoad;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs in {@code count} new sessions, half of them the maintainer and half the auditor of
 * PortalData, and has each open the pages a person opens first: the dashboard, the projects list,
 * korrigo's page, and for the auditor the audit log. The sessions stay signed in; bench/portal/run
 * reads the server's heap before and after. Usage: SessionMemory base count
 */
public final class SessionMemory {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        List<ApiLoad.Client> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean auditor = i % 2 == 1;
            ApiLoad.Client session = new ApiLoad.Client(base, auditor ? "bench-load-2" : "bench-load-1", "unused");
            session.signIn();
            List<String> pages = new ArrayList<>(List.of("/index.xhtml", "/projects/index.xhtml", "/projects/project.xhtml?key=korrigo"));
            if (auditor) {
                pages.add("/audit/index.xhtml");
            }
            for (String page : pages) {
                int status = session.call("GET", page, null, null).statusCode();
                if (status != 200) {
                    throw new IllegalStateException(page + " answered " + status);
                }
            }
            sessions.add(session);
        }
        System.out.println(sessions.size() + " sessions signed in, each with its pages open");
    }
}
