import ArgumentParser
import Foundation
import SkillEx

/// `skillex webhooks`: send a test delivery or redeliver a recorded one.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Test webhook receivers and redeliver recorded deliveries.",
        discussion: """
            Every attempt is recorded in .skillex/deliveries.jsonl with its delivery id.

            Examples:
              skillex webhooks test https://hooks.example.com/skillex --secret-env HOOK_SECRET
              skillex webhooks redeliver 1b4e28ba-2fa1-11d2-883f-0016d3cca427
            """,
        subcommands: [WebhooksTestCommand.self, WebhooksRedeliverCommand.self])
}

/// `skillex webhooks test URL`: send a signed `ping` delivery.
struct WebhooksTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send a signed `ping` event to URL and report the answer.",
        discussion: """
            Exit status: 0 delivered (2xx), 1 not delivered, 2 bad flags.

            Examples:
              skillex webhooks test http://127.0.0.1:8080/hook
              skillex webhooks test https://hooks.slack.com/services/… --payload-format slack
            """)

    @Argument(help: "The receiver's URL.") var url: String
    @Option(help: "The variable holding the HMAC secret.") var secretEnv: String?
    @Option(help: "Body format: skillex or slack.") var payloadFormat = "skillex"
    @Option(help: "The hub manifest (for the .skillex/ folder).") var manifest = "manifest.json"
    @Option(help: "Output format: text or json (json when stdout is not a terminal).")
    var format: OutputFormat?

    func run() async throws {
        guard ["skillex", "slack"].contains(payloadFormat) else {
            throw ExitStatus.inputError(ValidationError("--payload-format must be skillex or slack"))
        }
        let path = URL(fileURLWithPath: manifest).standardizedFileURL
        let workspace = Workspace(manifest: path, environment: ProcessInfo.processInfo.environment)
        var hook = WebhookSettings(url: url, events: ["ping"], secretEnv: secretEnv, format: payloadFormat)
        hook.maxAttempts = 1
        let dispatcher = WebhookDispatcher(webhooks: [hook], workspace: workspace)
        let payload: JSONValue = .object(["summary": .string("test delivery from skillex webhooks test")])
        let result = await dispatcher.send(hook, event: "ping", payload: payload, delivery: UUID().uuidString.lowercased())
        try WebhookTextReport.emit([result], format: format)
        if result.status != .delivered { throw ExitStatus.failed }
    }
}
