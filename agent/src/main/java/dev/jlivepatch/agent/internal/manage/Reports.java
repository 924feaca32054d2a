package dev.jlivepatch.agent.internal.manage;

import dev.jlivepatch.agent.internal.core.CallCounts;
import dev.jlivepatch.agent.internal.core.DryRunReport;
import dev.jlivepatch.agent.internal.transition.Blocker;
import java.util.ArrayList;
import java.util.List;

/** The core's dry-run reports and call counts as the MBean's open types. */
final class Reports {

    private Reports() {
    }

    static DryRunInfo dryRun(DryRunReport r) {
        List<TargetInfo> targets = new ArrayList<>();
        for (DryRunReport.Target t : r.targets()) {
            targets.add(new TargetInfo(t.className(), t.loaded(), Targets.loaderName(t.loader()), t.methods(), false,
                    null));
        }
        List<CheckInfo> checks = new ArrayList<>();
        r.checks().forEach(c -> checks.add(new CheckInfo(c.name(), c.passed(), c.detail())));
        List<BlockerInfo> blockers = new ArrayList<>();
        for (Blocker b : r.blockers()) {
            blockers.add(new BlockerInfo(b.thread(), b.id(), b.virtual(), b.frame()));
        }
        return new DryRunInfo(r.id(), r.description(), r.replace(), r.replaces(), targets, checks, blockers,
                r.notes(), r.refusal());
    }

    static CallsInfo calls(CallCounts c) {
        List<CallInfo> calls = new ArrayList<>();
        for (CallCounts.Count n : c.counts()) {
            calls.add(new CallInfo(n.patchId(), n.className(), Targets.loaderName(n.loader()), n.method(),
                    n.calls()));
        }
        return new CallsInfo(c.counting(), c.since(), c.until(), calls);
    }
}
