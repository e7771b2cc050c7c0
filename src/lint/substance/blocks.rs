//! Answers 64 bytes at a time: the rules that look at every byte of every
//! answer (question-in-answer's line and sentence breaks, the skim's word
//! starts) classify a block of bytes at once with SSE2 and walk the bits.

/// How many bytes a block holds: one bit each in a `u64`.
pub(super) const BLOCK: usize = 64;

/// `of_block` of the `BLOCK` bytes of `bytes` from `at`: bit `i` for byte
/// `at + i`. The last block is padded with zero bytes, which both callers
/// count as nothing.
#[inline(always)]
pub(super) fn block_bits(bytes: &[u8], at: usize, of_block: impl Fn(&[u8; BLOCK]) -> u64) -> u64 {
    match bytes.get(at..at + BLOCK) {
        Some(block) => of_block(block.try_into().expect("a block")),
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            let mut block = [0u8; BLOCK];
            block[..rest.len()].copy_from_slice(rest);
            of_block(&block)
        }
    }
}
