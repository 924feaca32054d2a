package dev.jlivepatch.selftest.apps.hammer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.openmbean.CompositeData;

/**
 * Whether one read of the {@code Patches} attribute is a state the model
 * allows, all of a piece: patches numbered 1, 2, ... bottom first, each id
 * once; each patch's {@code enabled}/{@code transition} one of the four
 * pairs, and at most one patch in transition; targets listed once each,
 * never refused, only of the patch's own classes; and each target class
 * that was initialised before the read listed, patched exactly when its
 * patch is applied (enabled, or unpatching: its replacements stay on the
 * func stacks until the unpatching completes).
 */
final class StatusCheck {
    private StatusCheck() {
    }

    /**
     * @param patches the attribute as read
     * @param known the target classes initialised before the read began
     * @return what is wrong with it; empty when it is consistent
     */
    static List<String> problems(CompositeData[] patches, List<Loaded.Instance> known) {
        List<String> bad = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int moving = 0;
        for (int i = 0; i < patches.length; i++) {
            CompositeData p = patches[i];
            String id = (String) p.get("id");
            boolean enabled = (Boolean) p.get("enabled");
            String transition = (String) p.get("transition");
            String state = id + " (enabled=" + enabled + " transition=" + transition + ")";
            if (!ids.add(id) || !Stack.TARGETS.containsKey(id)) {
                bad.add("patch " + id + " listed twice or unknown");
                continue;
            }
            if ((Integer) p.get("stackOrder") != i + 1) {
                bad.add(id + " has stackOrder " + p.get("stackOrder") + " in place " + (i + 1));
            }
            if (!transition.equals("none") && !transition.equals(enabled ? "patching" : "unpatching")) {
                bad.add(state + ": no such state");
            }
            moving += transition.equals("none") ? 0 : 1;
            if ((Boolean) p.get("forced")) {
                bad.add(state + ": forced");
            }
            boolean applied = enabled || transition.equals("unpatching");
            Map<String, Boolean> patched = new HashMap<>();
            for (CompositeData t : (CompositeData[]) p.get("targets")) {
                String simple = ((String) t.get("className")).substring(Loaded.PACKAGE.length());
                String key = simple + "@" + t.get("loader");
                if (t.get("refusal") != null) {
                    bad.add(state + ": refused " + key + ": " + t.get("refusal"));
                } else if (!Stack.TARGETS.get(id).contains(simple)) {
                    bad.add(state + ": lists " + key + ", not its target");
                } else if (patched.put(key, (Boolean) t.get("patched")) != null) {
                    bad.add(state + ": lists " + key + " twice");
                } else if ((Boolean) t.get("patched") && !applied) {
                    bad.add(state + ": " + key + " patched");
                }
            }
            for (Loaded.Instance k : known) {
                if (Stack.TARGETS.get(id).contains(k.simpleName())) {
                    Boolean listed = patched.get(k.toString());
                    if (listed == null) {
                        bad.add(state + ": loaded target " + k + " not listed");
                    } else if (listed != applied) {
                        bad.add(state + ": " + k + " patched=" + listed);
                    }
                }
            }
        }
        if (moving > 1) {
            bad.add(moving + " patches in transition");
        }
        return bad;
    }

    /** A read in one line: each patch's id, order, state and how many of its targets are patched. */
    static String brief(CompositeData[] patches) {
        List<String> out = new ArrayList<>();
        for (CompositeData p : patches) {
            int n = 0;
            int patched = 0;
            for (CompositeData t : (CompositeData[]) p.get("targets")) {
                n++;
                patched += (Boolean) t.get("patched") ? 1 : 0;
            }
            out.add(p.get("id") + "#" + p.get("stackOrder") + " enabled=" + p.get("enabled") + " "
                    + p.get("transition") + " patched " + patched + "/" + n);
        }
        return out.toString();
    }
}
