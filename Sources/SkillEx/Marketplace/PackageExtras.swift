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
}
