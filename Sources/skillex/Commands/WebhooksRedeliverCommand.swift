import ArgumentParser
import Foundation
import SkillEx

/// `skillex webhooks redeliver ID`: send a recorded delivery again.
struct WebhooksRedeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redeliver",
        abstract: "Send the recorded delivery ID again to the same webhook (new timestamp and signature).",
        discussion: """
            Exit status: 0 delivered, 1 not delivered, 2 unknown id or bad manifest.

            Examples:
              skillex webhooks redeliver 1b4e28ba-2fa1-11d2-883f-0016d3cca427
              jq -r 'select(.status=="failed") | .delivery' .skillex/deliveries.jsonl | xargs -n1 skillex webhooks redeliver
            """)

    @Argument(help: "The delivery id (from .skillex/deliveries.jsonl).") var id: String
    @Option(help: "The hub manifest.") var manifest = "manifest.json"
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?

    func run() async throws {
        let context = try CommandContext(manifest: manifest)
        let hooks = try context.run { try WebhookSettings.from($0) }
        let dispatcher = WebhookDispatcher(webhooks: hooks, workspace: context.workspace)
        let result: DeliveryResult
        do { result = try await dispatcher.redeliver(id: id) } catch { throw ExitStatus.inputError(error) }
        try WebhookTextReport.emit([result], format: format)
        if result.status != .delivered { throw ExitStatus.failed }
    }
}
