import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline

/// `skillex events anomalies`: runs the anomaly rules over the log and announces new ones.
struct EventsAnomaliesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "List submission spikes, validator regressions, score and coverage drops.",
        discussion: """
            Each anomaly not yet in the log is appended once as an `anomaly` event.
            Exit status: 0 whether or not anomalies were found, 2 unreadable log.

            Examples:
              skillex events anomalies
              skillex events anomalies --format json --no-emit
            """)

    @OptionGroup var location: EventLogLocation
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?
    @Flag(help: "Only list; append no anomaly events.") var noEmit = false
    @OptionGroup var logging: LogOptions

    func run() async throws {
        var detector = AnomalyDetector()
        try location.read { detector.add($0) }
        let anomalies = detector.anomalies()
        if !noEmit {
            let telemetry = Telemetry()
            logging.bootstrap(runID: telemetry.runID)
            let log = location.log
            telemetry.attach(id: "skillex.event-log") { try log.append($0) }
            for anomaly in anomalies where anomaly.isNew { telemetry.emit(anomaly.event) }
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            await AnomalyNotices.send(
                anomalies.filter(\.isNew), manifestURL: URL(fileURLWithPath: location.manifest, relativeTo: cwd).standardizedFileURL,
                environment: ProcessInfo.processInfo.environment, warn: { Terminal.err($0) })
        }
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(["anomalies": anomalies])
        case .text:
            for anomaly in anomalies {
                let mark = anomaly.isNew ? Terminal.paint("new", "33") : Terminal.paint("seen", "2")
                Terminal.out("\(mark) \(anomaly.kind) \(anomaly.time): \(anomaly.message)")
            }
            Terminal.out("\(anomalies.count) anomalies, \(anomalies.filter(\.isNew).count) new")
        }
    }
}
