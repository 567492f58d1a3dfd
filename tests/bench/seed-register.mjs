// A generated register at scale, written straight into the app's IndexedDB from inside the page:
// the bench measures the views on it and the layout suite opens every screen with it.

/**
 * Writes the generated register (and one plan) straight into the app's database's stores; its
 * units must be loaded first (products and producers are spread over them).
 */
export async function seedRegister(page, products, evaluationsPerProduct) {
  await page.evaluate(
    async ({ products, perProduct }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('ocop-desk')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const now = new Date().toISOString()
      const units = await new Promise((resolve) => {
        const all = db.transaction('units').objectStore('units').getAll()
        all.onsuccess = () => resolve(all.result)
      })
      const tx = db.transaction(
        ['producers', 'products', 'evaluationSets', 'plans', 'planTargets'],
        'readwrite',
      )
      // A plan over the generated years, with a target of every kind measured on the register.
      tx.objectStore('plans').put({
        id: 'bench-plan',
        name: 'Kế hoạch đo hiệu năng 2019-2024',
        docNo: '',
        docDate: null,
        fromYear: 2019,
        toYear: 2024,
        baselineYear: 2018,
        baselineOverride: null,
        note: '',
        createdAt: now,
        updatedAt: now,
      })
      const targets = [
        ['stars-exactly', 3, 4000],
        ['stars-exactly', 4, 3000],
        ['stars-exactly', 5, 1000],
        ['stars-at-least', 3, 8000],
        ['new-products', null, 500],
        ['upgraded-products', null, 2000],
        ['units-covered-share', null, 100],
      ]
      targets.forEach(([kind, stars, value], i) =>
        tx.objectStore('planTargets').put({
          id: `bench-target-${i}`,
          planId: 'bench-plan',
          kind,
          stars,
          value,
          unitId: null,
          productId: null,
          byYear: null,
          note: '',
        }),
      )
      const types = ['htx', 'doanh-nghiep', 'to-hop-tac', 'ho-kinh-doanh']
      const words = [
        'Tương',
        'Gạo nếp',
        'Gà',
        'Cá',
        'Ba ba',
        'Mật ong',
        'Chè',
        'Bánh',
        'Rượu',
        'Đồ gỗ',
      ]
      for (let p = 0; p < products / 5; p++) {
        tx.objectStore('producers').put({
          id: `bp-${p}`,
          name: `HTX Sản xuất ${p} Mỹ Hào`,
          type: types[p % 4],
          taxCode: String(900000000 + p),
          address: '',
          unitId: units[p % units.length]?.id ?? null,
          representative: '',
          phone: '',
          note: '',
          createdAt: now,
          updatedAt: now,
        })
      }
      for (let i = 0; i < products; i++) {
        const productId = `b-${i}`
        tx.objectStore('products').put({
          id: productId,
          name: `${words[i % words.length]} số ${i}`,
          producerId: `bp-${Math.floor(i / 5)}`,
          unitId: units[i % units.length]?.id ?? null,
          criteriaSetId: 'qd-1048',
          groupCode: '1048-1',
          productSetCode: '1048-1.1',
          description: '',
          createdAt: now,
          updatedAt: now,
        })
        // Stored by product, as the app stores them (src-renderer/src/db/evaluation-sets.ts).
        const evaluations = []
        for (let k = 0; k < perProduct; k++) {
          const year = 2016 + k * 2
          const total = 30 + ((i * 7 + k * 13) % 70)
          const stars = total >= 90 ? 5 : total >= 70 ? 4 : total >= 50 ? 3 : 2
          evaluations.push({
            id: `be-${i}-${k}`,
            productId,
            year,
            round: 1,
            evaluatedOn: null,
            criteriaSetId: 'qd-1048',
            partScores: { A: total * 0.35, B: total * 0.25, C: total * 0.4 },
            itemScores: null,
            total,
            computedStars: stars,
            recognisedStars: stars,
            councilLevel: 'tinh',
            kind: k === 0 ? 'lan-dau' : 'danh-gia-lai',
            decisionNo: `${k}/QĐ`,
            decisionDate: `${year}-06-${String(1 + (i % 28)).padStart(2, '0')}`,
            certificateNo: '',
            expiryDate: stars >= 3 ? `${year + 3}-05-31` : null,
            note: '',
            createdAt: now,
            updatedAt: now,
          })
        }
        if (evaluations.length > 0) tx.objectStore('evaluationSets').put({ productId, evaluations })
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { products, perProduct: evaluationsPerProduct },
  )
}
