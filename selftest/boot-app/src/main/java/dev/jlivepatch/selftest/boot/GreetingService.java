package dev.jlivepatch.selftest.boot;

import org.springframework.stereotype.Service;

/** A Spring bean the controller calls. */
@Service
public class GreetingService {
    public String greeting(String name) {
        return "Hello " + name;
    }
}
