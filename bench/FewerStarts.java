import java.nio.file.Path;
import java.util.List;
import org.fwbench.analysis.Interferences;
import org.fwbench.analysis.Rankings;
import org.fwbench.analysis.Summaries;
import org.fwbench.result.Json;
import org.fwbench.result.Measurement;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;

/**
 * What a run would have shown with fewer starts: keeps the measurements of the starts of rounds FIRST to LAST of a
 * results.json (a make-up start counts in the round of the start it stood in for) and summarises and ranks them
 * again with fwbench's own analysis, so that bench/run-agreement.py can say how far two runs cut that way agree.
 * Run by bench/fewer-starts.sh; needs the built jar.
 *
 * <p>Usage: {@code java -cp 'app/target/fwbench.jar:app/target/lib/*' bench/FewerStarts.java IN OUT FIRST LAST}
 */
public final class FewerStarts {

    public static void main(String[] args) throws Exception {
        RunResult run = Json.read(Path.of(args[0]), RunResult.class);
        int first = Integer.parseInt(args[2]);
        int last = Integer.parseInt(args[3]);
        List<TargetResult> targets = run.targets().stream().map(t -> new TargetResult(t.name(), t.version(),
                t.status(), t.reason(), t.logTail(), t.command(), t.logFile(), t.starts(),
                t.scenarios().stream().map(s -> keep(s, first, last)).toList(), t.notMeasured())).toList();
        RunResult cut = new RunResult(run.schemaVersion(), run.suite(), run.suiteFile(), run.startedAtMillis(),
                run.endedAtMillis(), run.commandLine(), run.environment(), run.settings(), targets, List.of(), null);
        Json.write(Path.of(args[1]), cut.withAnalysis(Rankings.of(cut), Interferences.of(cut)));
    }

    private static ScenarioResult keep(ScenarioResult s, int first, int last) {
        List<Measurement> kept = inRounds(s.measurements(), first, last);
        return new ScenarioResult(s.scenario(), s.method(), s.url(), s.status(), s.reason(), s.load(), kept,
                kept.isEmpty() ? null : Summaries.of(kept), inRounds(s.setAside(), first, last));
    }

    private static List<Measurement> inRounds(List<Measurement> ms, int first, int last) {
        return ms.stream().filter(m -> m.conditions().round() >= first && m.conditions().round() <= last).toList();
    }
}
