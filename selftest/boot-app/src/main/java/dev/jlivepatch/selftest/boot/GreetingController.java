package dev.jlivepatch.selftest.boot;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.JavaScriptUtils;

/**
 * {@code GET /greet?name=N}: the greeting, with the name HTML-escaped by
 * Spring's {@link HtmlUtils}; {@code GET /js?text=T}: the text escaped for
 * JavaScript by Spring's {@link JavaScriptUtils}, a class nothing loads
 * before the first such request.
 */
@RestController
public class GreetingController {
    private final GreetingService service;

    public GreetingController(GreetingService service) {
        this.service = service;
    }

    @GetMapping("/greet")
    public ResponseEntity<String> greet(@RequestParam("name") String name) {
        return ResponseEntity.ok(service.greeting(HtmlUtils.htmlEscape(name)));
    }

    @GetMapping("/js")
    public String js(@RequestParam("text") String text) {
        return JavaScriptUtils.javaScriptEscape(text);
    }
}
