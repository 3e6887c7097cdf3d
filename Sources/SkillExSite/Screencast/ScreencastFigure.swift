import Foundation
import SkillEx

/// What the cookbook template shows for a recorded walkthrough: the plain transcript (readable
/// with JavaScript off), the cast embedded for the player, and a link to the `.cast` file.
struct ScreencastFigure: Sendable, Encodable {
    /// The `.cast` file beside the page (`10-getting-started.cast`).
    var castFile: String
    /// The cast's text, embedded (escaped like every template value) in the figure's `data-cast`
    /// attribute: the page needs no second request, which `file://` pages could not make.
    var cast: String
    /// The same output as plain text.
    var transcript: String
    /// `12 commands, 0:41`.
    var summary: String

    init(cast: Asciicast, castFile: String, commands: [RecordedCommand]) {
        self.castFile = castFile
        self.cast = cast.encoded()
        transcript = RecordedCommand.transcript(commands)
        let seconds = max(0, Int(saturating: cast.duration))  // whole seconds, as the player shows them
        let count = commands.count == 1 ? "1 command" : "\(commands.count) commands"
        summary = "\(count), \(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
    }

    /// Splits rendered page HTML after its first `</h1>`, where the screencast goes.
    static func splitAfterTitle(_ html: String) -> (lead: String, rest: String) {
        guard let end = html.range(of: "</h1>") else { return ("", html) }
        return (String(html[..<end.upperBound]), String(html[end.upperBound...]))
    }
}
