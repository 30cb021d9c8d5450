import Dataset
import SeekCore

extension GPUDatasheets {
    /// The bytes of `gpu_specs.json`: every row of ``specs()``, sorted by name, through the Dataset's
    /// codec (Python's `json.dumps(indent=2)` layout, ending with `"\n"`).
    ///
    /// - Returns: UTF-8 bytes, byte-identical to the reference implementation's file for the same data.
    public func gpuSpecsJSON() -> [UInt8] {
        DataFiles.gpuSpecs.encode(specs())
    }
}
