//! Sets of first-and-second bytes: a 64 Kbit table that says "nothing in
//! the set starts like this" at one look, before a dearer comparison. The
//! word reader's stems, question-in-answer's first words and the skim's
//! words each pass over most words this way.

#[derive(Clone, Debug, Default)]
pub(super) struct BytePairs {
    /// One bit per pair; empty while the set is (no table for a
    /// vocabulary without stems).
    bits: Vec<u64>,
}

/// A pair's bit.
fn bit(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

impl BytePairs {
    pub(super) fn insert(&mut self, first: u8, second: u8) {
        if self.bits.is_empty() {
            self.bits = vec![0; (1 << 16) / 64];
        }
        let bit = bit(first, second);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    #[inline(always)]
    pub(super) fn contains(&self, first: u8, second: u8) -> bool {
        let bit = bit(first, second);
        self.bits
            .get(bit / 64)
            .is_some_and(|bits| bits & (1 << (bit % 64)) != 0)
    }
}
