// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Model description shared by the compiler, the reference executor and every backend.
// Weight matrices are row-major [in, out] (y = x @ W + b), the layout ONNX MatMul uses.
/** The sequence heads' pooler activation (tanh unless the head says otherwise). */
export function poolerActivation(head) {
    return head.kind === 'classification' || head.kind === 'regression' ? head.pooler ?? 'tanh' : 'tanh';
}
/** Number of outputs of the head (0 for 'none', hidden size is separate). */
export function headOutputs(head) {
    switch (head.kind) {
        case 'none': return 0;
        case 'classification': return head.labels;
        case 'regression': return 1;
        case 'token': return head.labels;
    }
}
