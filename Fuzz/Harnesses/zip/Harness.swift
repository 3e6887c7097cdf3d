import FuzzDriver

// libFuzzer harness "zip": see FuzzEntryPoints / SiteFuzzEntryPoints for what it feeds.

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzDriver.test("zip", start, count)
}

@_cdecl("fuzz_zip_main")
public func harnessMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv, testOneInput)
}
