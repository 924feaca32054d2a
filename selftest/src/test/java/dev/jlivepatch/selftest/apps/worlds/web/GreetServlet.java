package dev.jlivepatch.selftest.apps.worlds.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /shop/greet?name=N}: what {@link Greetings} makes of the request. */
public class GreetServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final Greetings greetings = new Greetings();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.getWriter().print(greetings.greet(req));
    }
}
