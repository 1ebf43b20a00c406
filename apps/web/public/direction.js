(function () {
  try {
    var lang = window.localStorage.getItem('sanad.lang') === 'en' ? 'en' : 'ar';
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.title = lang === 'ar' ? 'سند' : 'Sanad';
  } catch {
    /* storage unavailable: keep Arabic */
  }
})();
