package dev.jlivepatch.selftest.apps.worlds.web;

import jakarta.servlet.http.HttpServletRequest;

/** The target, a class of the web application: it takes the servlet API's request. */
public class Greetings {
    String greet(HttpServletRequest req) {
        return "Hello " + req.getParameter("name");
    }
}
