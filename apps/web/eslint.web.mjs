// Lint rules for the SPA, imported by the root eslint.config.mjs.
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const VUE = ['apps/web/src/**/*.vue'];
const TS = ['apps/web/src/**/*.ts', 'apps/web/vite.config.ts'];

export default [
  ...pluginVue.configs['flat/recommended'].map((config) => ({ ...config, files: VUE })),
  {
    files: VUE,
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        extraFileExtensions: ['.vue'],
      },
      globals: { ...globals.browser },
    },
    rules: {
      // Every user-facing string comes from the locale files.
      'vue/no-bare-strings-in-template': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['apps/web/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: TS,
    languageOptions: { parser: tseslint.parser, globals: { ...globals.browser } },
  },
];
