import ArgumentParser
import Foundation
import SkillEx
import SkillExPipeline

/// `skillex package`: write the reproducible full pack (and a delta) of the synced skills.
struct PackageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Pack the synced skills into dist/: a reproducible full pack, and deltas.",
        discussion: """
            Packs every skill the manifest records (sync records only valid ones), after checking \
            each against its recorded checksum. When the latest version in dist/ already holds \
            exactly the admitted skills, no version is minted (as in skillex build), unless \
            --version is given. Writes dist/skills-pack-<version>.zip and .json, \
            dist/deltas/ (delta strategy), dist/index.json and dist/SHA256SUMS.
            Entries carry the --clock / SOURCE_DATE_EPOCH time, else 1980-01-01.
            Exit status: 0 ok, 1 a skill no longer matches its checksum, 2 bad input or the \
            workspace is locked by another run (--wait waits for it).

            Examples:
              skillex package
              skillex package --version 1.4.0 --strategy delta
              SOURCE_DATE_EPOCH=1735689600 skillex package --since 1.3.0 --format json
            """)

    @Option(help: "Version to write (default: next patch after the latest in dist/index.json, else 0.1.0).")
    var version: String?
    @Option(help: "Packager: full or delta (default: the manifest's \"packager\", else full).")
    var strategy: String?
    @Option(help: "Version the delta starts from (default: the latest in dist/index.json).")
    var since: String?
    @Flag(help: "Also write the Claude Code plugin marketplace (default: the manifest's marketplace.enabled).")
    var marketplace = false
    @OptionGroup var common: StandardOptions

    func run() async throws {
        let context = try common.context(lock: "package")
        let explicitTime = common.clock != nil || context.workspace.environment["SOURCE_DATE_EPOCH"] != nil
        let options = PackOptions(
            version: version, strategy: strategy, since: since,
            timestamp: explicitTime ? context.workspace.clock.now() : nil)
        let report: PackageJobReport
        var job = PackageJob(context: common.jobContext(context), options: options)
        job.forceMarketplace = marketplace
        do { report = try await job.run(context.manifest) } catch {
            if let failure = error as? PackagingError, case .checksumMismatch = failure {
                Terminal.err("skillex: error: " + failure.description)
                throw ExitStatus.failed
            }
            throw ExitStatus.inputError(error)
        }
        for refusal in report.refused {
            Terminal.err(Terminal.paint("refused", "31", fd: 2) + " " + refusal.description)
        }
        switch common.resolvedFormat {
        case .json: try JSONOutput.print(report)
        case .text: PackageTextReport.print(report)
        }
        if report.status == .problems { throw ExitStatus.failed }
    }
}
