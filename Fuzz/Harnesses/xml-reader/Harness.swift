import FuzzDriver

// libFuzzer harness "xml-reader": see FuzzEntryPoints / SiteFuzzEntryPoints for what it feeds.

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzDriver.test("xml-reader", start, count)
}

@_cdecl("fuzz_xml_reader_main")
public func harnessMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv, testOneInput)
}
