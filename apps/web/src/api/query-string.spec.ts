import { queryString } from './query-string';

describe('queryString', () => {
  it('leaves out empty values and repeats arrays', () => {
    expect(
      queryString({
        q: 'أحمد',
        registered: false,
        limit: 50,
        cursor: '',
        companyId: undefined,
        categoryId: null,
        field: ['plan:eq:gold', 'vip:empty'],
      }),
    ).toBe(
      '?q=%D8%A3%D8%AD%D9%85%D8%AF&registered=false&limit=50&field=plan%3Aeq%3Agold&field=vip%3Aempty',
    );
  });

  it('is empty when nothing is set', () => {
    expect(queryString({ q: '', field: [] })).toBe('');
  });
});
