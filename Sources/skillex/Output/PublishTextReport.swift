import SkillEx

/// The human-readable rendering of a `PublishReport`.
enum PublishTextReport {
    static func print(_ report: PublishReport) {
        for object in report.objects where object.action != "unchanged" {
            let mark = object.action == "uploaded" ? Terminal.paint("↑", "32") : Terminal.paint("·", "33")
            Terminal.out("\(mark) \(object.key) (\(object.size) bytes) \(object.action)")
        }
        let t = report.transfer
        let head = report.status == .ok ? Terminal.paint("ok", "32") : Terminal.paint("failed", "31")
        let verb = report.dryRun ? "would upload" : "uploaded"
        Terminal.out(
            "\(head): \(report.location): \(verb) \(report.uploaded), unchanged \(report.unchanged), "
                + "\(report.bytesUploaded) bytes, \(t.requests) requests, \(t.retries) retries"
                + (report.dryRun ? " (dry run: nothing sent)" : ""))
        WebhookTextReport.print(report.webhooks)
    }
}
