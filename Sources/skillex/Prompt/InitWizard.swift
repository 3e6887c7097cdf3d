import Foundation
import SkillEx

/// The questions of `skillex init`, one at a time, each with its default and a live hint;
/// questions whose answer came as a flag are not asked.
struct InitWizard {
    let editor = LineEditor()
    let given: InitFlags
    let repository: URL
    let workingDirectory: URL

    /// Asks every question not answered by a flag.
    func answers() throws -> OnboardingAnswers {
        editor.write("Onboarding \(given.repoPath) into the skills hub. Enter accepts [defaults]; Ctrl-C stops without writing.\n")
        let name = try given.name ?? askName(defaultValue: OnboardingDefaults.name(for: repository))
        let skillsDir = try given.skillsDir ?? editor.ask(
            "Skills folder", defaultValue: OnboardingDefaults.skillsDir(for: repository),
            hint: { skillsFolderHint($0) }, check: { OnboardingRules.skillsDirProblem($0) })
        let defaultManifest = InitFlags.display(OnboardingDefaults.manifest(workingDirectory: workingDirectory, repository: repository))
        let manifest = try given.manifest ?? editor.ask(
            "Hub manifest", defaultValue: defaultManifest,
            hint: { $0.isEmpty || FileManager.default.fileExists(atPath: $0) ? nil : "no such file" },
            check: manifestProblem)
        let ciText = try given.ci ?? editor.ask(
            "CI systems (github, gitlab, buildkite or none)", defaultValue: CISystem.listText(OnboardingDefaults.ci(for: repository)),
            hint: ciProblem, check: ciProblem)
        var skill = given.skill
        var description = given.description
        if skill == nil {
            let typed = try editor.ask(
                "First skill to scaffold (a name, or Enter to skip)",
                hint: { $0.isEmpty ? nil : (OnboardingRules.skillNameProblems($0).first.map { "✗ " + $0 } ?? "✓ valid name") },
                check: { $0.isEmpty ? nil : OnboardingRules.skillNameProblems($0).first })
            skill = typed.isEmpty ? nil : typed
        }
        if let skill, description == nil {
            description = try editor.ask(
                "What does \(skill) do, and when should an agent use it?",
                hint: { text in
                    OnboardingRules.descriptionProblem(text).map { "✗ " + $0 }
                        ?? OnboardingRules.descriptionAdvice(text) ?? "\(text.unicodeScalars.count)/\(SkillSpec.maxDescriptionLength)"
                },
                check: { OnboardingRules.descriptionProblem($0) })
        }
        let readme = try given.readme ?? editor.confirm("Add a skills section to the README?", defaultYes: true)
        return OnboardingAnswers(
            repository: repository, name: name, skillsDir: skillsDir,
            manifest: URL(fileURLWithPath: manifest, relativeTo: workingDirectory).standardizedFileURL,
            ci: (try? CISystem.parseList(ciText)) ?? [], skillName: skill, skillDescription: description, readme: readme)
    }

    /// Asks for the repository's name.
    func askName(defaultValue: String) throws -> String {
        try editor.ask(
            "Repository name", defaultValue: defaultValue,
            hint: { $0.isEmpty ? nil : OnboardingRules.repositoryNameProblem($0) },
            check: { $0.isEmpty ? "repository name is empty" : OnboardingRules.repositoryNameProblem($0) })
    }

    /// Shows each conflicting file's diff and asks whether to replace it; returns the replaced paths.
    func decideConflicts(_ plan: OnboardingPlan) throws -> Set<String> {
        var replacing = Set<String>()
        for file in plan.conflicts {
            editor.write("\n\(file.path): \(file.note ?? "changed by hand"). skillex init would change it like this:\n")
            for line in file.diff.split(separator: "\n", omittingEmptySubsequences: false) {
                let code = line.hasPrefix("+") ? "32" : line.hasPrefix("-") ? "31" : line.hasPrefix("@") ? "36" : ""
                editor.write((code.isEmpty ? String(line) : Terminal.paint(String(line), code)) + "\n")
            }
            if try editor.confirm("Replace \(file.path)?", defaultYes: false) { replacing.insert(file.path) }
        }
        return replacing
    }

    private func skillsFolderHint(_ text: String) -> String? {
        if let problem = OnboardingRules.skillsDirProblem(text) { return problem }
        let count = ReadmeSection.skills(in: repository.appendingPathComponent(text)).count
        return count == 0 ? "no skills there yet" : "\(count) skill\(count == 1 ? "" : "s") found"
    }

    private func manifestProblem(_ path: String) -> String? {
        do { _ = try ManifestStore.load(URL(fileURLWithPath: path, relativeTo: workingDirectory)); return nil } catch {
            return error.description
        }
    }

    private func ciProblem(_ text: String) -> String? {
        do { _ = try CISystem.parseList(text); return nil } catch { return error.description.replacingOccurrences(of: "--ci: ", with: "") }
    }
}
