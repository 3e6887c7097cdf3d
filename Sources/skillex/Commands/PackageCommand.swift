import ArgumentParser
import Foundation
import SkillEx

/// `skillex package`: write the reproducible full pack (and a delta) of the synced skills.
struct PackageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Pack the synced skills into dist/: a reproducible full pack, and deltas.",
        discussion: """
            Packs every skill the manifest records (sync records only valid ones), after checking \
            each against its recorded checksum. Writes dist/skills-pack-<version>.zip and .json, \
            dist/deltas/ (delta strategy), dist/index.json and dist/SHA256SUMS.
            Entries carry the --clock / SOURCE_DATE_EPOCH time, else 1980-01-01.
            Exit status: 0 ok, 1 a skill no longer matches its checksum, 2 bad input or the \
            workspace is locked by another run (--wait waits for it).

            Examples:
              skillex package
              skillex package --version 1.4.0 --strategy delta
              SOURCE_DATE_EPOCH=1735689600 skillex package --since 1.3.0 --format json
            """)

    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Version to write (default: next patch after the latest in dist/index.json, else 0.1.0).")
    var version: String?
    @Option(help: "Packager: full or delta (default: the manifest's \"packager\", else full).")
    var strategy: String?
    @Option(help: "Version the delta starts from (default: the latest in dist/index.json).")
    var since: String?
    @Option(help: "Use this time (ISO 8601) for the pack instead of SOURCE_DATE_EPOCH.") var clock: String?
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?
    @Flag(help: "Also write the Claude Code plugin marketplace (default: the manifest's marketplace.enabled).")
    var marketplace = false
    @OptionGroup var logging: LogOptions
    @OptionGroup var lock: LockOptions

    func run() async throws {
        let context = try CommandContext(manifest: manifest, clock: clock, lock: "package", wait: lock)
        let telemetry = logging.telemetry(for: context.workspace)
        let started = Date()
        telemetry.emit(Event(type: .started, metadata: ["command": "package"]))
        let explicitTime = clock != nil || context.workspace.environment["SOURCE_DATE_EPOCH"] != nil
        let options = PackOptions(
            version: version, strategy: strategy, since: since,
            timestamp: explicitTime ? context.workspace.clock.now() : nil)
        // The quality gate: skills below the threshold without an approval that holds stay out.
        let decision = try context.run { try Gate(workspace: context.workspace).evaluate(manifest: $0) }
        // Skills whose score the history already holds log no score events of their own.
        let unrecorded = try? Scorer(workspace: context.workspace).unrecorded(decision.run, in: context.manifest)
        ScoreEvents.emit(decision.run, command: "package", on: telemetry, recorded: unrecorded)
        await WebhookNotices.send(decision.run, recorded: unrecorded, manifest: context.manifest, workspace: context.workspace)
        var admitted = context.manifest
        admitted.skills = decision.admitted
        let result: PackResult
        let previous = PackCurrency.latest(dist: context.workspace.distURL)?.checksums
        do {
            result = try PackagingStage(workspace: context.workspace).pack(admitted, options: options)
            PackageEvents.packed(
                result, skills: admitted.skills, previous: previous,
                durationMs: Date().timeIntervalSince(started) * 1000, on: telemetry)
        } catch let error as PackagingError {
            PackageEvents.failed(error, on: telemetry)
            if case .checksumMismatch = error {
                Terminal.err("skillex: error: " + error.description)
                throw ExitStatus.failed
            }
            throw ExitStatus.inputError(error)
        } catch {
            PackageEvents.failed(error, on: telemetry)
            throw ExitStatus.inputError(error)
        }
        // issue #20: marketplace + catalog budget after the pack; re-place with the package job.
        let extras: PackageExtras.Report
        do { extras = try PackageExtras.run(admitted, version: result.version, workspace: context.workspace, forceMarketplace: marketplace) } catch { throw ExitStatus.inputError(error) }
        for refusal in decision.refused {
            Terminal.err(Terminal.paint("refused", "31", fd: 2) + " " + refusal.description)
        }
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(PackageReport(pack: result, refused: decision.refused, extras: extras))
        case .text:
            Terminal.out(
                Terminal.paint("packed", "32")
                    + " \(result.version) (\(result.strategy)): \(result.skills) skills, \(result.files) files, "
                    + "\(result.pack.file) \(result.pack.size) bytes")
            if let delta = result.delta {
                Terminal.out(
                    "delta \(delta.artifact.from) → \(result.version): +\(delta.added.count) "
                        + "~\(delta.changed.count) -\(delta.removed.count), "
                        + "\(delta.artifact.file) \(delta.artifact.size) bytes")
            }
            PackageReport.printExtras(extras)
        }
        if !decision.refused.isEmpty { throw ExitStatus.failed }
    }
}
