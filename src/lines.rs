//! Where a text's lines are, without a list of every line.
//!
//! A config of 100,000 servers has a million lines: a list of their starts was 8 MB and two
//! passes over the text, on the serial path of every large check. [`LineIndex`] keeps instead
//! how many newlines come before each 1 KiB block (one counting pass, `bytecount`'s SIMD), and
//! answers a question by counting inside one block, which is all a finding's position needs.

/// Bytes per block: a question reads at most this much of the text.
const BLOCK: usize = 1024;

/// The newline count before each 1 KiB block of a text. Lines end at `\n` (a `\r` before it is
/// part of the line, as editors count); the text is passed to each question.
#[derive(Debug, Clone)]
pub struct LineIndex {
    before: Vec<usize>,
    lines: usize,
}

impl LineIndex {
    pub fn new(bytes: &[u8]) -> LineIndex {
        let mut before = Vec::with_capacity(bytes.len().div_ceil(BLOCK));
        let mut newlines = 0;
        for block in bytes.chunks(BLOCK) {
            before.push(newlines);
            newlines += bytecount::count(block, b'\n');
        }
        LineIndex {
            before,
            lines: newlines + 1,
        }
    }

    /// How many lines the text has (one more than its newlines).
    pub fn count(&self) -> usize {
        self.lines
    }

    /// The 0-based line holding byte `offset` (the last line past the end).
    pub fn line_of(&self, bytes: &[u8], offset: usize) -> usize {
        let offset = offset.min(bytes.len());
        let block = offset / BLOCK;
        match self.before.get(block) {
            Some(&n) => n + bytecount::count(&bytes[block * BLOCK..offset], b'\n'),
            None => self.lines - 1,
        }
    }

    /// The byte where 0-based `line` starts (the last line's start past the end).
    pub fn start(&self, bytes: &[u8], line: usize) -> usize {
        let line = line.min(self.lines - 1);
        if line == 0 {
            return 0;
        }
        // The block holding the `line`-th newline: the last one with fewer before it.
        let block = self.before.partition_point(|&n| n < line) - 1;
        let from = block * BLOCK;
        let within = &bytes[from..bytes.len().min(from + BLOCK)];
        let nth = line - self.before[block] - 1;
        let newline = memchr::memchr_iter(b'\n', within).nth(nth);
        from + newline.expect("the block's count says it holds that newline") + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain list of line starts, for comparison.
    fn starts(bytes: &[u8]) -> Vec<usize> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        starts
    }

    fn agrees(text: &[u8]) {
        let index = LineIndex::new(text);
        let starts = starts(text);
        assert_eq!(index.count(), starts.len());
        for offset in 0..=text.len() + 2 {
            let line = starts.partition_point(|&s| s <= offset) - 1;
            assert_eq!(index.line_of(text, offset), line, "offset {offset}");
        }
        for line in 0..starts.len() + 2 {
            let want = starts[line.min(starts.len() - 1)];
            assert_eq!(index.start(text, line), want, "line {line}");
        }
    }

    #[test]
    fn agrees_with_a_list_of_line_starts() {
        agrees(b"");
        agrees(b"\n");
        agrees(b"ab");
        agrees(b"a\r\nb\n\nc");
        // Lines longer and shorter than a block, newlines on the blocks' edges, no final one.
        let mut text = Vec::new();
        let mut seed = 7u32;
        while text.len() < 5 * BLOCK {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let len = [0, 1, 30, BLOCK - 1, BLOCK, 2 * BLOCK + 3][(seed >> 16) as usize % 6];
            text.extend(std::iter::repeat_n(b'x', len));
            text.push(b'\n');
        }
        agrees(&text);
        text.pop();
        agrees(&text);
        agrees(&[b'\n'; 3 * BLOCK]);
    }
}
