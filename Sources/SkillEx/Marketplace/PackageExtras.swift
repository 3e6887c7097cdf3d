/// What the package step adds for issue #20 after the pack is written: the plugin marketplace
/// (when enabled) and the catalog budget of the admitted skills. One call from `skillex package`
/// and from the build's package step.
public enum PackageExtras {
    /// What was done.
    public struct Report: Codable, Sendable, Equatable {
        /// The marketplace written (or found current); nil when not enabled.
        public var marketplace: MarketplaceReport?
        public var catalog: CatalogBudget
        /// Lines to show as warnings: the catalog's, and skills left out of the marketplace.
        public var warnings: [String]
    }

    /// Runs after packaging `admitted` (the manifest with only admitted skills) as `version`.
    public static func run(_ admitted: Manifest, version: String, workspace: Workspace, forceMarketplace: Bool = false) throws -> Report {
        let marketplace = try MarketplaceStage(workspace: workspace).emit(admitted, version: version, force: forceMarketplace)
        let catalog = CatalogBudget.measure(admitted.skills.map { ($0.name, $0.description ?? "") })
        return Report(marketplace: marketplace, catalog: catalog, warnings: catalog.warnings + (marketplace?.warnings ?? []))
    }

    /// The build step's variant: the gate's admitted skills from the score run in `context`, the
    /// version of the latest pack in `dist/`; adds a marketplace note and the warnings to `result`.
    public static func afterBuildPackage(_ context: BuildContext, _ result: BuildStepResult) throws -> BuildStepResult {
        guard let scoreRun = context.scoreRun else { return result }
        var admitted = context.manifest
        admitted.skills = Gate.decide(scoreRun, manifest: context.manifest).admitted
        let version = PackCurrency.latest(dist: context.workspace.distURL)?.version ?? "0.1.0"
        let report = try Self.run(admitted, version: version, workspace: context.workspace)
        var out = result
        if let market = report.marketplace {
            out.summary += "; marketplace \(market.name): \(market.plugins) plugins, \(market.skills) skills"
                + (market.written ? "" : " (unchanged)")
        }
        out.warnings = report.warnings.isEmpty ? nil : report.warnings
        return out
    }
}
