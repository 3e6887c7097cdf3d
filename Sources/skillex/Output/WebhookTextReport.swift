import SkillEx

/// Prints webhook delivery results; failures are warnings, never errors.
enum WebhookTextReport {
    static func print(_ results: [DeliveryResult]) {
        for result in results {
            if result.status == .delivered {
                Terminal.out("\(Terminal.paint("✓", "32")) webhook \(result.event) → \(result.webhook) delivered (\(result.delivery))")
            } else {
                Terminal.out(
                    "\(Terminal.paint("!", "33")) webhook \(result.event) → \(result.webhook) failed after "
                        + "\(result.attempts) attempts: \(result.error ?? "unknown") (\(result.delivery))")
            }
        }
    }

    static func emit(_ results: [DeliveryResult], format: OutputFormat?) throws {
        switch OutputFormat.resolve(format) {
        case .json: try JSONOutput.print(results.count == 1 ? results[0] : nil)
        case .text: print(results)
        }
    }
}
