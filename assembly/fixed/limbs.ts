// Unsigned long division on little-endian 32-bit limbs (Knuth's algorithm D), for the
// 128-bit fixed-point types (I64F64, U64F64, I96F32) whose quotients need a 256-bit numerator.
// Works in place on caller-provided scratch memory; nothing is allocated.

/**
 * q = floor(u / v), r = u mod v. u has m limbs, v has n limbs with v[n-1] != 0, m >= n.
 * q receives m - n + 1 limbs, r receives n limbs. `un` is scratch of m + 1 limbs, `vn` of n.
 */
export function udivLimbs(u: usize, m: i32, v: usize, n: i32, q: usize, r: usize, un: usize, vn: usize): void {
  const B: u64 = 0x100000000;
  if (n == 1) {
    const d = <u64>load<u32>(v);
    let k: u64 = 0;
    for (let j = m - 1; j >= 0; j--) {
      const cur = (k << 32) | <u64>load<u32>(u + (<usize>j << 2));
      store<u32>(q + (<usize>j << 2), <u32>(cur / d));
      k = cur % d;
    }
    store<u32>(r, <u32>k);
    return;
  }
  const s = clz<u32>(load<u32>(v + (<usize>(n - 1) << 2)));
  for (let i = n - 1; i > 0; i--) {
    const hi = load<u32>(v + (<usize>i << 2));
    const lo = load<u32>(v + (<usize>(i - 1) << 2));
    store<u32>(vn + (<usize>i << 2), s == 0 ? hi : (hi << s) | (lo >> (32 - s)));
  }
  store<u32>(vn, load<u32>(v) << s);
  store<u32>(un + (<usize>m << 2), s == 0 ? 0 : load<u32>(u + (<usize>(m - 1) << 2)) >> (32 - s));
  for (let i = m - 1; i > 0; i--) {
    const hi = load<u32>(u + (<usize>i << 2));
    const lo = load<u32>(u + (<usize>(i - 1) << 2));
    store<u32>(un + (<usize>i << 2), s == 0 ? hi : (hi << s) | (lo >> (32 - s)));
  }
  store<u32>(un, load<u32>(u) << s);

  const vtop = <u64>load<u32>(vn + (<usize>(n - 1) << 2));
  const vnext = <u64>load<u32>(vn + (<usize>(n - 2) << 2));
  for (let j = m - n; j >= 0; j--) {
    const num = (<u64>load<u32>(un + (<usize>(j + n) << 2)) << 32) | <u64>load<u32>(un + (<usize>(j + n - 1) << 2));
    let qhat = num / vtop;
    let rhat = num - qhat * vtop;
    while (qhat >= B || qhat * vnext > ((rhat << 32) | <u64>load<u32>(un + (<usize>(j + n - 2) << 2)))) {
      qhat -= 1;
      rhat += vtop;
      if (rhat >= B) break;
    }
    // multiply and subtract
    let k: i64 = 0;
    let t: i64 = 0;
    for (let i = 0; i < n; i++) {
      const p = qhat * <u64>load<u32>(vn + (<usize>i << 2));
      const at = un + (<usize>(i + j) << 2);
      t = <i64>load<u32>(at) - k - <i64>(p & 0xffffffff);
      store<u32>(at, <u32>t);
      k = <i64>(p >> 32) - (t >> 32);
    }
    const topAt = un + (<usize>(j + n) << 2);
    t = <i64>load<u32>(topAt) - k;
    store<u32>(topAt, <u32>t);
    if (t < 0) {
      qhat -= 1;
      let c: u64 = 0;
      for (let i = 0; i < n; i++) {
        const at = un + (<usize>(i + j) << 2);
        const sum = <u64>load<u32>(at) + <u64>load<u32>(vn + (<usize>i << 2)) + c;
        store<u32>(at, <u32>sum);
        c = sum >> 32;
      }
      store<u32>(topAt, load<u32>(topAt) + <u32>c);
    }
    store<u32>(q + (<usize>j << 2), <u32>qhat);
  }
  for (let i = 0; i < n; i++) {
    const lo = load<u32>(un + (<usize>i << 2));
    const hi = load<u32>(un + (<usize>(i + 1) << 2));
    store<u32>(r + (<usize>i << 2), s == 0 ? lo : (lo >> s) | (hi << (32 - s)));
  }
}
