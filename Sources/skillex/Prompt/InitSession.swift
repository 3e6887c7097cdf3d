import ArgumentParser
import Foundation
import SkillEx

/// One run of `skillex init`: gets the answers (asked or from flags), plans, reports, writes.
struct InitSession {
    let flags: InitFlags
    let repository: URL
    let workingDirectory: URL
    let dryRun: Bool

    /// Asks the questions, shows the plan, asks about edited files and to confirm, then writes.
    func runInteractive() throws {
        LineEditor.installSignalHandlers()
        let wizard = InitWizard(given: flags, repository: repository, workingDirectory: workingDirectory)
        do {
            var answers = try wizard.answers()
            var plan: OnboardingPlan
            while true {
                do {
                    plan = try OnboardingPlanner.plan(answers, manifestDisplay: manifestDisplay(answers))
                    break
                } catch {
                    // A name the manifest already uses for another checkout: ask again, unless a flag gave it.
                    guard case .invalidAnswer("name", let reason) = error, flags.name == nil else {
                        throw ExitStatus.inputError(error)
                    }
                    wizard.editor.write(Terminal.paint("  ✗ \(reason)", "31") + "\n")
                    answers.name = try wizard.askName(defaultValue: "")
                }
            }
            wizard.editor.write("\n" + InitTextReport.plan(plan, repoPath: flags.repoPath))
            if dryRun {
                wizard.editor.write(InitTextReport.diffs(try plan.resolved(replacing: [])))
                return
            }
            let replacing = try wizard.decideConflicts(plan)
            let files = try plan.resolved(replacing: replacing)
            guard files.contains(where: { $0.action == .create || $0.action == .update }) else {
                wizard.editor.write("Nothing to write: the repository is already onboarded.\n")
                return
            }
            guard try wizard.editor.confirm("Write these files?", defaultYes: true) else {
                wizard.editor.write("Nothing written.\n")
                return
            }
            try write(files)
            wizard.editor.write(InitTextReport.outcomes(OnboardingWriter.outcomes(files), dryRun: false))
        } catch is PromptCancelled {
            Terminal.err("skillex init: interrupted; nothing written")
            throw ExitCode(130)
        }
    }

    /// Uses flags and defaults for every answer; edited files are kept.
    func runUnattended(format: OutputFormat) throws {
        let manifest = flags.manifest.map { URL(fileURLWithPath: $0, relativeTo: workingDirectory).standardizedFileURL }
            ?? OnboardingDefaults.manifest(workingDirectory: workingDirectory, repository: repository)
        let ci: [CISystem]
        do { ci = try flags.ci.map(CISystem.parseList) ?? OnboardingDefaults.ci(for: repository) } catch {
            throw ExitStatus.inputError(error)
        }
        let answers = OnboardingAnswers(
            repository: repository, name: flags.name ?? OnboardingDefaults.name(for: repository),
            skillsDir: flags.skillsDir ?? OnboardingDefaults.skillsDir(for: repository), manifest: manifest, ci: ci,
            skillName: flags.skill, skillDescription: flags.description, readme: flags.readme ?? true)
        let plan = try makePlan(answers)
        let files: [PlannedFile]
        do { files = try plan.resolved(replacing: []) } catch { throw ExitStatus.inputError(error) }
        if !dryRun { try write(files) }
        let outcomes = OnboardingWriter.outcomes(files)
        switch format {
        case .json:
            try JSONOutput.print(InitReport(
                repository: answers.name, path: plan.entry.path, manifest: plan.manifest.path, dryRun: dryRun,
                files: outcomes, notes: plan.notes))
        case .text:
            if dryRun {
                InitTextReport.print(InitTextReport.plan(plan, repoPath: flags.repoPath) + InitTextReport.diffs(files))
            } else {
                InitTextReport.print(InitTextReport.outcomes(outcomes, dryRun: false))
                for note in plan.notes { Terminal.out("note: \(note)") }
            }
        }
    }

    private func makePlan(_ answers: OnboardingAnswers) throws -> OnboardingPlan {
        do { return try OnboardingPlanner.plan(answers, manifestDisplay: manifestDisplay(answers)) } catch {
            throw ExitStatus.inputError(error)
        }
    }

    private func manifestDisplay(_ answers: OnboardingAnswers) -> String {
        flags.manifest ?? InitFlags.display(answers.manifest)
    }

    private func write(_ files: [PlannedFile]) throws {
        do { try OnboardingWriter.write(files) } catch { throw ExitStatus.inputError(error) }
    }
}

/// The JSON `skillex init --format json` prints.
struct InitReport: Encodable {
    var repository: String
    var path: String
    var manifest: String
    var dryRun: Bool
    var files: [OnboardingWriter.Outcome]
    var notes: [String]

    enum CodingKeys: String, CodingKey {
        case repository, path, manifest, dryRun = "dry_run", files, notes
    }
}
