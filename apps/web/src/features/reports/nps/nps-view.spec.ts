import {
  distributionMax,
  emptySegmentDraft,
  fieldMessage,
  groupOf,
  groupShares,
  groupsOfDistribution,
  isolateSigned,
  npsScore,
  otherFieldErrors,
  questionOf,
  questionParts,
  scoreDelta,
  segmentKey,
  segmentOf,
  segmentProblem,
  sendingProgress,
} from './nps-view';

describe('NPS groups and score', () => {
  it('puts 9–10 with promoters, 7–8 with passives and 0–6 with detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(groupOf)).toEqual([
      'detractors',
      'detractors',
      'passives',
      'passives',
      'promoters',
      'promoters',
    ]);
  });

  it('is the promoters share minus the detractors share, whole, −100..100, null when empty', () => {
    expect(npsScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
    expect(npsScore({ promoters: 5, passives: 0, detractors: 0 })).toBe(100);
    expect(npsScore({ promoters: 0, passives: 1, detractors: 3 })).toBe(-75);
    expect(npsScore({ promoters: 2, passives: 1, detractors: 1 })).toBe(25);
    // 1/3 − 1/3 → 0, and a tiny negative rounds to 0, not −0.
    expect(Object.is(npsScore({ promoters: 1, passives: 1, detractors: 1 }), 0)).toBe(true);
    expect(Object.is(npsScore({ promoters: 99, passives: 902, detractors: 100 }), 0)).toBe(true);
  });

  it('gives each group its count and share, zero shares without responses', () => {
    expect(groupShares({ promoters: 3, passives: 1, detractors: 0 })).toEqual([
      { group: 'promoters', count: 3, share: 0.75 },
      { group: 'passives', count: 1, share: 0.25 },
      { group: 'detractors', count: 0, share: 0 },
    ]);
    expect(groupShares({ promoters: 0, passives: 0, detractors: 0 }).map((g) => g.share)).toEqual([
      0, 0, 0,
    ]);
  });

  it('counts the groups of a 0..10 distribution and its tallest bar', () => {
    const distribution = [1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5];
    expect(groupsOfDistribution(distribution)).toEqual({
      detractors: 3,
      passives: 3,
      promoters: 9,
    });
    expect(distributionMax(distribution)).toBe(5);
    expect(distributionMax(new Array(11).fill(0))).toBe(1);
    expect(distributionMax([])).toBe(1);
  });

  it('measures a change in points, not when either side is missing', () => {
    expect(scoreDelta(30, -10)).toBe(40);
    expect(scoreDelta(null, 10)).toBeNull();
    expect(scoreDelta(10, null)).toBeNull();
  });
});

describe('the new survey form', () => {
  it('sends only the parts of the segment that were chosen', () => {
    expect(segmentOf(emptySegmentDraft())).toEqual({});
    expect(
      segmentOf({
        categoryId: 'c1',
        companyId: 'k1',
        registered: 'no',
        lastContactFrom: '2026-01-01',
        lastContactTo: '2026-06-30',
      }),
    ).toEqual({
      categoryId: 'c1',
      companyId: 'k1',
      registered: false,
      lastContactFrom: '2026-01-01',
      lastContactTo: '2026-06-30',
    });
    expect(
      segmentOf({ ...emptySegmentDraft(), registered: 'yes', lastContactTo: '1 May' }),
    ).toEqual({ registered: true });
  });

  it('refuses a last-contact range that ends before it starts', () => {
    expect(segmentProblem({ lastContactFrom: '2026-02-01', lastContactTo: '2026-01-31' })).toBe(
      'order',
    );
    expect(
      segmentProblem({ lastContactFrom: '2026-02-01', lastContactTo: '2026-02-01' }),
    ).toBeNull();
    expect(segmentProblem({ lastContactTo: '2026-01-31' })).toBeNull();
  });

  it('knows an unchanged segment whatever the order of its keys', () => {
    expect(segmentKey({ categoryId: 'c', registered: true })).toBe(
      segmentKey({ registered: true, categoryId: 'c' }),
    );
    expect(segmentKey({ registered: true })).not.toBe(segmentKey({ registered: false }));
    expect(segmentKey({})).toBe(segmentKey({ categoryId: null }));
  });

  it('finds the server’s message for a field, segment fields also when named bare', () => {
    const errors = [
      { field: 'name', code: 'required', message: 'الاسم مطلوب' },
      { field: 'categoryId', code: 'not_found', message: 'الفئة غير موجودة' },
      { field: 'segment.lastContactTo', code: 'order', message: 'قبل البداية' },
      { field: 'question.en', code: 'too_long', message: 'طويل' },
    ];
    expect(fieldMessage(errors, 'name')).toBe('الاسم مطلوب');
    expect(fieldMessage(errors, 'segment.categoryId')).toBe('الفئة غير موجودة');
    expect(fieldMessage(errors, 'segment.lastContactTo')).toBe('قبل البداية');
    expect(fieldMessage(errors, 'question.en')).toBe('طويل');
    expect(fieldMessage(errors, 'question.ar')).toBeUndefined();
    // A bare name matches segment fields only: "en" is not question.en.
    expect(fieldMessage([{ field: 'en', code: 'x', message: 'm' }], 'question.en')).toBeUndefined();
    expect(
      otherFieldErrors(
        [...errors, { field: 'segment', code: 'invalid', message: 'شريحة غير صالحة' }],
        ['name', 'segment.categoryId', 'segment.lastContactTo', 'question.en'],
      ).map((error) => error.field),
    ).toEqual(['segment']);
  });

  it('sends only the question texts written, trimmed, and none for the defaults', () => {
    expect(questionOf({ ar: '  ', en: '' })).toBeUndefined();
    expect(questionOf({ ar: ' هل توصي بنا؟ ', en: '' })).toEqual({ ar: 'هل توصي بنا؟' });
    expect(questionOf({ ar: 'سؤال', en: 'Question' })).toEqual({ ar: 'سؤال', en: 'Question' });
  });
});

describe('sending progress', () => {
  it('counts sent and skipped emails of the recipients', () => {
    expect(sendingProgress({ recipients: 120, sent: 30, skipped: 10 })).toEqual({
      done: 40,
      total: 120,
      fraction: 40 / 120,
    });
    expect(sendingProgress({ recipients: 2, sent: 2, skipped: 1 }).done).toBe(2);
    expect(sendingProgress({ recipients: 0, sent: 0, skipped: 0 }).fraction).toBe(1);
  });
});

describe('signed scores in text', () => {
  it('isolates Latin digits left to right without the locale’s marks', () => {
    expect(isolateSigned('\u200e-12', 'latn')).toBe('\u2066-12\u2069');
    expect(isolateSigned('\u061c+30', 'latn')).toBe('\u2066+30\u2069');
  });

  it('keeps the Arabic mark of Arabic-Indic digits, in an isolate of their own direction', () => {
    expect(isolateSigned('\u061c-\u0661\u0662', 'arab')).toBe('\u2068\u061c-\u0661\u0662\u2069');
  });
});

describe('the question as asked', () => {
  it('splits where the workspace’s name goes', () => {
    expect(questionParts('ما مدى احتمال أن توصي بـ{workspace}؟')).toEqual([
      'ما مدى احتمال أن توصي بـ',
      '؟',
    ]);
    expect(questionParts('Would you recommend us?')).toEqual(['Would you recommend us?']);
  });
});
