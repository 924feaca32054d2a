package dev.jlivepatch.agent.internal.manage;

import dev.jlivepatch.agent.internal.core.TargetRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A patch's targets as people and clients see them: loaders named, sorted by class, then loader. */
final class Targets {

    private Targets() {
    }

    static List<TargetInfo> of(List<TargetRecord> records) {
        List<TargetInfo> out = new ArrayList<>();
        for (TargetRecord r : records) {
            String loader = r.loaded() || r.refusal() != null ? loaderName(r.loader()) : null;
            out.add(new TargetInfo(r.className(), r.loaded(), loader, r.methods(), r.patched(), r.refusal()));
        }
        out.sort(Comparator.comparing(TargetInfo::getClassName)
                .thenComparing(t -> t.getLoader() == null ? "" : t.getLoader())
                .thenComparing(t -> t.getRefusal() == null ? "" : t.getRefusal()));
        return out;
    }

    /** A class loader's name, its class and identity when it has none, or {@code bootstrap}. */
    static String loaderName(ClassLoader l) {
        if (l == null) {
            return "bootstrap";
        }
        if (l.getName() != null) {
            return l.getName();
        }
        return l.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(l));
    }
}
