extension DeploySpec {
    /// This derived spec with every field `given` sets explicitly put back: a committed `.seekgpu.yaml` keeps its
    /// choices (model, setup, commands, environment, flags) and gains only what it left out (the offering, the
    /// sizing, the parallel layout, the context and batch limits).
    public func keeping(_ given: DeploySpec) -> DeploySpec {
        var spec = self
        spec.model = given.model ?? model
        spec.revision = given.revision ?? revision
        spec.workload = given.workload
        spec.engineVersion = given.engineVersion ?? engineVersion
        spec.accelerator = given.accelerator
        spec.acceleratorCount = given.acceleratorCount
        if given.nodes != 1 { spec.nodes = given.nodes }
        spec.vramPerGPUGB = given.vramPerGPUGB ?? vramPerGPUGB
        if given.precision != .checkpoint { spec.precision = given.precision }
        if given.kvCacheDType != "auto" { spec.kvCacheDType = given.kvCacheDType }
        spec.tensorParallelSize = given.tensorParallelSize ?? tensorParallelSize
        spec.pipelineParallelSize = given.pipelineParallelSize ?? pipelineParallelSize
        spec.enableExpertParallel = given.enableExpertParallel || enableExpertParallel
        spec.maxModelLen = given.maxModelLen ?? maxModelLen
        spec.maxNumSeqs = given.maxNumSeqs ?? maxNumSeqs
        spec.gpuMemoryUtilization = given.gpuMemoryUtilization ?? gpuMemoryUtilization
        if !given.servingArgs.isEmpty { spec.servingArgs = given.servingArgs }
        spec.baseImage = given.baseImage ?? baseImage
        spec.workdir = given.workdir ?? workdir
        if !given.setup.isEmpty { spec.setup = given.setup }
        if !given.run.isEmpty { spec.run = given.run }
        if !given.env.isEmpty { spec.env = given.env }
        if !given.secrets.isEmpty { spec.secrets = given.secrets }
        if !given.ports.isEmpty { spec.ports = given.ports }
        if !given.assetLinks.isEmpty { spec.assetLinks = given.assetLinks }
        if !given.providers.isEmpty { spec.providers = given.providers }
        return spec
    }
}
