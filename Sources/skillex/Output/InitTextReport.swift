import Foundation
import SkillEx

/// `skillex init`'s text for people: the plan, the diffs and what was written.
enum InitTextReport {
    /// The files the plan would write, one per line with its action.
    static func plan(_ plan: OnboardingPlan, repoPath: String) -> String {
        let files = (try? plan.resolved(replacing: [])) ?? plan.files + [plan.manifest]
        var out = "skillex init plan for \(repoPath) (repository '\(plan.answers.name)', skills in \(plan.answers.skillsDir)/):\n"
        for file in files {
            let label = file.action == .conflict ? "edited" : file.action.rawValue
            out += "  " + mark(file.action, label) + " " + file.path + (file.note.map { "  (\($0))" } ?? "") + "\n"
        }
        for note in plan.notes { out += "note: \(note)\n" }
        return out
    }

    /// The diff of every file that would change, and of every edited file init would leave.
    static func diffs(_ files: [PlannedFile]) -> String {
        var out = ""
        for file in files where file.action != .unchanged {
            out += "\n"
            if file.action == .conflict { out += "# \(file.path) is kept unless you agree to replace it; init's version differs:\n" }
            out += file.diff
        }
        return out
    }

    /// What writing did.
    static func outcomes(_ outcomes: [OnboardingWriter.Outcome], dryRun: Bool) -> String {
        var out = ""
        for outcome in outcomes {
            var note = outcome.note
            if outcome.result == "kept" {
                note = (note ?? "edited") + "; left as it is — run `skillex init` on a terminal to see the diff and replace it"
            }
            out += Terminal.paint(pad(outcome.result), outcome.result == "kept" ? "33" : outcome.result == "unchanged" ? "2" : "32")
            out += " " + outcome.path + (note.map { "  (\($0))" } ?? "") + "\n"
        }
        let written = outcomes.filter { $0.result == "created" || $0.result == "updated" }.count
        out += written == 0 ? "Nothing to write: the repository is already onboarded.\n" : "\(written) file\(written == 1 ? "" : "s") written.\n"
        return out
    }

    /// Writes `text` to stdout (escaped like every terminal line).
    static func print(_ text: String) {
        Terminal.write(text)
    }

    private static func mark(_ action: PlannedFile.Action, _ label: String) -> String {
        switch action {
        case .create, .update: Terminal.paint(pad(label), "32")
        case .unchanged: Terminal.paint(pad(label), "2")
        case .conflict: Terminal.paint(pad(label), "33")
        }
    }

    private static func pad(_ text: String) -> String {
        text.count >= 9 ? text : text + String(repeating: " ", count: 9 - text.count)
    }
}
