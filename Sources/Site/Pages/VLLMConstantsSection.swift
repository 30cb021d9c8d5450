import Plot
import Sizing

/// The Methodology page's table of the vLLM memory model's constants: every part of the accounting with the
/// code that allocates it, the constants per release range, and the dummy sampler's kernels.
enum VLLMConstantsSection {
    static func section(assumed: VLLMRelease) -> Node<HTML.BodyContext> {
        let n = MethodologyPage.number
        return .section(
            escapedAttribute("class", "formula"),
            escapedAttribute("aria-labelledby", "vllm-constants"),
            .h2(escapedAttribute("id", "vllm-constants"), .text("vLLM memory constants")),
            .p(.text(VLLMMemory.accounting + " The site assumes vLLM \(assumed.name); "), .code(.text("seekgpu size --vllm-version")),
               .text(" and "), .code(.text("--sampler")), .text(" model the others.")),
            .dl(.forEach(VLLMMemory.termNotes) { note in
                .group(.dt(.text(note.name)), .dd(.text(note.formula + ". "), .small(.text("vLLM: " + note.source + "."))))
            }),
            scrollRegion(label: "vLLM releases", .table(
                escapedAttribute("class", "constants"),
                .caption(.text("Constants per vLLM release range, GiB per GPU")),
                tableHead([TableColumn(title: "Releases"), TableColumn(title: "Sampler kernel"),
                           TableColumn(title: "Non-torch", numeric: true), TableColumn(title: "Tensor parallel", numeric: true),
                           TableColumn(title: "Vision encoder", numeric: true), TableColumn(title: "Why this kernel")]),
                .tbody(.forEach(VLLMRelease.all) { release in
                    .tr(
                        .th(escapedAttribute("scope", "row"), .text(release.name + (release == assumed ? " (assumed)" : ""))),
                        .td(.text(release.sampler.description)),
                        .td(escapedAttribute("class", "num"), .text(n(release.nonTorchGiB))),
                        .td(escapedAttribute("class", "num"), .text(n(release.tensorParallelGiB))),
                        .td(escapedAttribute("class", "num"), .text(n(release.visionEncoderGiB))),
                        .td(.text(release.samplerNote))
                    )
                })
            )),
            scrollRegion(label: "Sampler kernels", .table(
                escapedAttribute("class", "constants"),
                .caption(.text("The dummy sampler's kernels")),
                tableHead([TableColumn(title: "Kernel"), TableColumn(title: "Bytes per logit", numeric: true),
                           TableColumn(title: "What is alive at the peak, and the calibration")]),
                .tbody(.forEach(VLLMSamplerKernel.allCases) { kernel in
                    .tr(
                        .th(escapedAttribute("scope", "row"), .text(kernel.description)),
                        .td(escapedAttribute("class", "num"), .text(n(kernel.bytesPerLogit))),
                        .td(.text(kernel.derivation))
                    )
                })
            ))
        )
    }
}
