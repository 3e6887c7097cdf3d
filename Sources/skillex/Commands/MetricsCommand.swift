import ArgumentParser
import Foundation
import SkillEx

/// `skillex metrics`: Prometheus text exposition computed by streaming the event log.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print Prometheus metrics (text exposition format) computed from the event log.",
        discussion: """
            Suitable for node_exporter's textfile collector or a Pushgateway.
            Exit status: 0 ok, 2 unreadable log.

            Examples:
              skillex metrics
              skillex metrics --manifest hub/manifest.json > /var/lib/node_exporter/skillex.prom
              skillex metrics | curl --data-binary @- http://pushgateway:9091/metrics/job/skillex
            """)

    @OptionGroup var location: EventLogLocation

    func run() throws {
        var metrics = Metrics()
        var skipped = 0
        do {
            try location.log.read(skipped: { _, _ in skipped += 1 }) { metrics.add($0) }
        } catch { throw ExitStatus.inputError(error) }
        metrics.skippedLines = skipped
        if skipped > 0 { Terminal.err("skillex: warning: skipped \(skipped) unreadable event line(s)") }
        FileHandle.standardOutput.write(Data(metrics.exposition.utf8))
    }
}
