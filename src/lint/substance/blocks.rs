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

/// Bit `i` for each byte `i` of `block` whose byte of `mask(v)` is set, `v`
/// each 16 bytes of the block in turn: the loads, moves and shifts every
/// SSE2 classifier of a block makes, which every x86-64 processor has.
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
))]
#[inline(always)]
pub(super) fn sixteen_at_a_time(
    block: &[u8; BLOCK],
    mask: impl Fn(safe_arch::m128i) -> safe_arch::m128i,
) -> u64 {
    use safe_arch::{load_unaligned_m128i, move_mask_i8_m128i};
    (0..BLOCK / 16).fold(0, |bits, i| {
        let bytes: &[u8; 16] = block[i * 16..][..16].try_into().expect("16 bytes");
        let sixteen = move_mask_i8_m128i(mask(load_unaligned_m128i(bytes))) as u16;
        bits | u64::from(sixteen) << (i * 16)
    })
}

/// Bit `i` for each byte `i` of `block` that `is` holds for: a block
/// classified a byte at a time, on processors without SSE2, and the
/// reference the SSE2 classifiers are tested against.
#[cfg(any(
    test,
    not(all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2"
    ))
))]
pub(super) fn bytewise(block: &[u8; BLOCK], is: impl Fn(u8) -> bool) -> u64 {
    (0..BLOCK).fold(0, |bits, i| bits | u64::from(is(block[i])) << i)
}
