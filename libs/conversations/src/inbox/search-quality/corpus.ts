/**
 * The evaluation corpus: short support conversations as customers and agents write them, in
 * Arabic, English and both, with the spellings the search must cope with (marks, tatweel,
 * hamza seats, Persian letters, digits of three scripts) and the look-alike words it must keep
 * apart. Written for this project. Each key names what the conversation is about.
 */
export interface CorpusDoc {
  key: string;
  subject: string;
  messages: string[];
  contact?: { name: string; email?: string };
}

const doc = (
  key: string,
  subject: string,
  messages: string[],
  contact?: CorpusDoc['contact'],
): CorpusDoc => ({ key, subject, messages, contact });

export const CORPUS: CorpusDoc[] = [
  // Marks and tatweel
  doc('thanks-marks', 'شكر على الدعم', ['شُكْرًا لَكُمْ عَلَى الرَّدِّ السَّرِيعِ، تَمَّ حَلُّ المُشْكِلَةِ.']),
  doc('transfer-shadda', 'تحويل المبلغ', ['تمّ تحويل المبلغ إلى حسابكم البنكي يوم الأحد.']),
  doc('invoice-tatweel', 'الفاتـــورة الشهرية', ['مرحبـــاً، لم تصلني الفاتـــورة لهذا الشهر.']),
  doc('thanks-tatweel', 'شكــراً جزيــلاً', ['شكــراً جزيــلاً على المساعدة السريعة']),
  doc('sender-marks', 'الطلب مُرْسَل', ['الطلب مُرْسَل منذ يومين ولم يتحرك.']),
  // Alef forms
  doc('return-product', 'إرجاع المنتج', ['أرجو إرجاع المنتج لأنه وصل مكسوراً']),
  doc('last-date', 'آخر موعد للتسليم', ['ما هو آخر موعد لتسليم الشحنة؟']),
  doc('refund-arabic', 'طلب استرداد المبلغ', ['أريد استرداد المبلغ كاملاً بعد إعادة الجهاز']),
  doc('registration-wasla', 'ٱلتسجيل في الخدمة', ['واجهت مشكلة أثناء ٱلتسجيل من الهاتف']),
  doc('strategy', 'إستراتيجية التسعير', ['هل تغيرت استراتيجيه التسعير هذا العام؟']),
  // Hamza seats
  doc('responsible-waw', 'المسؤول عن الحساب', ['من المسؤول عن متابعة شكوتي؟']),
  doc('responsible-ya', 'مسئول المبيعات', ['أرجو التواصل مع مسئول المبيعات في أقرب وقت']),
  doc('question-hamza', 'سؤال عن الضمان', ['لدي سؤال بسيط حول مدة الضمان']),
  doc('question-lazy', 'سوال بخصوص التوصيل', ['عندي سوال عن رسوم التوصيل للمنطقة الشرقية']),
  doc('delay', 'تأخير في الشحن', ['هناك تأخير كبير في شحن الأجهزة المطلوبة']),
  doc('main-branch', 'الفرع الرئيسي', ['أين يقع الفرع الرئيسي للشركة؟']),
  doc('strange-thing', 'شيء غريب في التطبيق', ['يحدث شيء غريب عند فتح التطبيق على الجهاز اللوحي']),
  doc('evening', 'التوصيل في المساء', ['هل يمكن التوصيل في المساء بعد الساعة الثامنة؟']),
  doc('issues-hamza', 'مسائل عالقة', ['بقيت مسائل عالقة في العقد تحتاج مراجعة']),
  // Ta marbuta and alef maqsura
  doc('school-lazy', 'رسوم دراسية', ['أريد دفع رسوم المدرسه عن طريق التطبيق']),
  doc('company-name', 'تحديث بيانات الشركة', ['أرجو تحديث اسم الشركة في الفاتورة القادمة']),
  doc('message-lazy', 'رساله لم تصل', ['أرسلت رساله أمس ولم يصلني أي رد']),
  doc('my-invoice', 'فاتورتي خاطئة', ['المبلغ في فاتورتي أعلى من المتفق عليه']),
  doc('his-invoice', 'فاتورته مفقودة', ['زوجي لم يستلم فاتورته حتى الآن']),
  doc('my-problem', 'مشكلتي لم تحل', ['ما زالت مشكلتي قائمة منذ أسبوع']),
  doc('hospital', 'مستشفى الملك فهد', ['هل تغطي بطاقة التأمين مستشفى الملك فهد؟']),
  doc('hospital-ya', 'موعد الولادة', ['حجزت موعداً في مستشفي الولادة الأسبوع القادم']),
  doc('service-level', 'مستوى الخدمة', ['مستوى الخدمة انخفض كثيراً في الأشهر الأخيرة']),
  doc('building', 'عنوان المبنى', ['المبنى رقم ٧ بجوار البنك الأهلي']),
  // Other keyboards
  doc('manual-persian', 'کتاب التعليمات', ['لم أجد کتاب التعليمات داخل الصندوق']),
  doc('thanks-persian', 'شکرا لكم', ['شکرا على سرعة الرد']),
  doc('karimi', 'متابعة طلب', ['أنا العميل کریمی وأريد متابعة الشحنة'], { name: 'علي کریمی' }),
  doc('hospital-persian', 'مستشفی الشفاء', ['هل مستشفی الشفاء ضمن شبكة التأمين؟']),
  doc('vodafone', 'شريحة ڤودافون', ['لا تعمل شريحة ڤودافون في الجهاز الجديد']),
  doc('manager-urdu', 'مدیر الفرع', ['أريد التحدث مع مدیر الفرع بخصوص الخصم']),
  // Proclitics
  doc('pay-by-card', 'الدفع ببطاقة الائتمان', ['حاولت الدفع ببطاقة الائتمان فرفضت العملية']),
  doc('membership-card', 'بطاقة العضوية', ['متى تصل بطاقة العضوية الجديدة؟']),
  doc('energy', 'استهلاك الطاقة', ['الجهاز يستهلك طاقة كبيرة حتى وهو مطفأ']),
  doc('gift', 'التغليف كهدية', ['أريد تغليف الطلب كهدية لصديقتي']),
  doc('to-branch', 'زيارة لفرع الرياض', ['ذهبت لفرع الرياض ولم أجد الموظف المختص']),
  doc('cancel-article', 'طلب الإلغاء', ['أرجو الإلغاء الفوري للاشتراك']),
  doc('cancel-bare', 'إلغاء الحجز', ['كيف يمكنني إلغاء الحجز قبل الموعد بيوم؟']),
  doc('email-arabic', 'البريد الإلكتروني', ['غيرت البريد الإلكتروني ولم يصلني رمز التفعيل']),
  doc('email-address-arabic', 'عنوان إلكتروني آخر', ['أريد إضافة عنوان إلكتروني آخر للإشعارات']),
  doc('second-order', 'والطلب الثاني؟', ['وصل الطلب الأول والطلب الثاني لم يصل']),
  doc('for-invoice', 'للفاتورة المرفقة', ['بالنسبة للفاتورة المرفقة فهي غير صحيحة']),
  doc('card-on-delivery', 'الدفع بالبطاقة', ['هل يمكن الدفع بالبطاقة عند الاستلام؟']),
  doc('only-solution', 'فالحل هو الاستبدال', ['جربت كل الطرق، فالحل الوحيد هو الاستبدال']),
  doc('for-company', 'للشركة فرع آخر؟', ['هل للشركة فرع في الدمام؟']),
  // Suffix chains
  doc('your-orders', 'طلباتكم المعلقة', ['راجعنا طلباتكم المعلقة وسيتم شحنها غداً']),
  doc('your-accounts', 'حساباتكم البنكية', ['يرجى تحديث حساباتكم البنكية قبل نهاية الشهر']),
  doc('my-address', 'تغيير عنواني', ['انتقلت إلى حي جديد وأريد تغيير عنواني']),
  doc('your-address', 'عنوانكم غير واضح', ['الرجاء كتابة عنوانكم بالتفصيل مع رقم المبنى']),
  doc('the-address', 'العنوان الجديد', ['العنوان: حي النخيل، شارع ١٥']),
  doc('my-order', 'طلبي تأخر', ['أين طلبي؟ مر أسبوعان على الدفع']),
  doc('our-chats', 'محادثاتنا السابقة', ['كما ذكرت في محادثاتنا السابقة، المشكلة مستمرة']),
  doc('chat-dropped', 'محادثة مع الدعم', ['انقطعت المحادثة فجأة أثناء الشرح']),
  doc('your-calls', 'مكالماتكم الفائتة', ['لم أتمكن من الرد على مكالماتكم صباحاً']),
  doc('their-subscriptions', 'اشتراكاتهم منتهية', ['العملاء يقولون إن اشتراكاتهم انتهت فجأة']),
  doc('my-subscription', 'اشتراكي السنوي', ['أريد تجديد اشتراكي السنوي بنفس السعر']),
  doc('your-message', 'رسالتك وصلت', ['شكراً، رسالتك وصلت وسنرد قريباً']),
  doc('two-invoices', 'فاتورتين مكررتين', ['وصلتني فاتورتين لنفس الشحنة']),
  doc('saudi-shipping', 'الشحن داخل السعودية', ['هل يتوفر الشحن المجاني في السعودية؟']),
  doc('saudi-number', 'رقم سعودي', ['هل أحتاج رقم جوال سعودي للتسجيل؟']),
  doc('employees', 'الموظفون في الفرع', ['الموظفين في الفرع كانوا متعاونين جداً']),
  doc('electronic-invoice', 'الفاتورة الإلكترونية', ['أين أجد الفاتورة الإلكترونية في التطبيق؟']),
  // Digits
  doc('order-arabic-digits', 'الطلب رقم ٤٥٦٧٨', ['أتابع الطلب رقم ٤٥٦٧٨ منذ يومين']),
  doc('order-latin-digits', 'Order 98765', ['My order 98765 has not shipped yet']),
  doc('order-persian-digits', 'الطلب ۷۷۱۲', ['رقم الطلب ۷۷۱۲ لم يتحدث منذ أمس']),
  doc('my-phone', 'رقم الجوال', ['رقمي الجديد ٠٥٠١٢٣٤٥٦٧ أرجو تحديثه']),
  doc('double-charge-sar', 'خصم 250 ريال', ['تم خصم 250 ريال مرتين من حسابي']),
  doc('invoice-code', 'INV-2024-0042', ['Please resend invoice INV-2024-0042 as PDF']),
  doc('renewal-year', 'تجديد ٢٠٢٥', ['هل يبدأ التجديد في يناير ٢٠٢٥؟']),
  // English
  doc('refund-request', 'Refund request', ['I requested a refund two weeks ago']),
  doc('not-refunded', 'Not refunded yet', ['The amount was never refunded to my card']),
  doc('refunding-policy', 'Refunding policy', ['How long does refunding take?']),
  doc('missing-invoices', 'Missing invoices', ['I cannot find the invoices for March and April']),
  doc('charged-twice', 'Charged twice', ['I was charged twice for the same subscription']),
  doc('shipping-address', 'Shipping address change', [
    'Can you change the shipping address before dispatch?',
  ]),
  doc('shipped-wrong-city', 'Shipped to the wrong city', [
    'My parcel was shipped to Dammam instead of Riyadh',
  ]),
  doc('cancellation-fee', 'Cancellation fee', ['Why is there a cancellation fee on my statement?']),
  doc('cancelled-order', 'Cancelled order', ['I cancelled the order but the money is still gone']),
  doc('late-deliveries', 'Late deliveries', ['Your deliveries are always late on Fridays']),
  doc('delivery-time', 'Delivery time', ['What is the usual delivery time to Jeddah?']),
  doc('payment-failed', 'Payment failed', ['My payment failed three times with the same card']),
  doc('passwords', 'Resetting passwords', ['Resetting passwords does not work on the app']),
  doc('cannot-log-in', 'Cannot log in', ["I can't log in to my account since yesterday"]),
  // Addresses
  doc('sara-plan', 'Question about my plan', ['Hi, I want to upgrade my plan'], {
    name: 'Sara Johnson',
    email: 'sara.johnson@example.com',
  }),
  doc('omar-upgrade', 'طلب ترقية', ['أريد ترقية الباقة إلى المميزة'], {
    name: 'Omar Haddad',
    email: 'omar_haddad@mail.example.org',
  }),
  doc('billing-contact', 'Billing contact', ['For invoices please write to billing@sanad.example']),
  // Mixed Arabic and English
  doc('invoice-mixed', 'مشكلة في الفاتورة', [
    'The invoice shows a wrong amount، الفاتورة غير صحيحة',
  ]),
  doc('refund-mixed', 'استرجاع refund', ['أبغى refund للطلب لأن المنتج معيب']),
  doc('detached-article', 'الـ invoice حق الشهر', ['ما وصلني الـinvoice حق الشهر الماضي']),
  doc('order-number-mixed', 'order رقم 5521', ['Order رقم 5521 متأخر جداً']),
  doc('iphone-app', 'التطبيق لا يعمل', ['تطبيق الـ iPhone يتوقف عند تسجيل الدخول']),
  // Names
  doc('abdullah-joined', 'استفسار عن الباقات', ['مرحبا، معك عبدالله من فرع الخبر'], {
    name: 'عبدالله الشمري',
  }),
  doc('abdullah-apart', 'طلب دعم فني', ['معك عبد الله من فرع جدة'], { name: 'عبد الله القحطاني' }),
  doc('abdulrahman', 'تعديل الطلب', ['أنا عبدالرحمن، أريد تعديل الكمية'], { name: 'عبدالرحمن' }),
  doc('ahmed', 'استلام الشحنة', ['سيستلم الشحنة أخي'], { name: 'أحمد سالم' }),
  doc('sara-arabic', 'تغيير الموعد', ['أرجو تغيير موعد الزيارة'], { name: 'سارة العتيبي' }),
  doc('sara-lazy', 'تأكيد الحجز', ['أرجو تأكيد الحجز باسم ساره'], { name: 'ساره' }),
  doc('mohammed', 'شكوى', ['الموظف محمد كان متعاوناً جداً']),
  doc('mahmoud', 'متابعة', ['الأستاذ محمود ينتظر الرد']),
  doc('faisal', 'طلب من فيصل', ['أنا فيصل وأريد تغيير الباقة'], { name: 'فيصل الحربي' }),
  doc('salman', 'سلمان يسأل عن الضمان', ['هل الضمان يشمل الشاشة؟'], { name: 'سلمان' }),
  doc('salma', 'سلمى تطلب فاتورة', ['أحتاج نسخة من العقد'], { name: 'سلمى' }),
  doc('saad', 'استفسار سعد', ['معك سعد من قسم المشتريات']),
  doc('saadi', 'رسالة من السيد سعدي', ['أنا سعدي وأحتاج مساعدة في التطبيق']),
  doc('karim', 'كريم يطلب موعداً', ['أنا كريم، هل يمكن الحضور غداً؟']),
  doc('reem', 'ريم تسأل عن الشحن', ['معك ريم، متى تصل الشحنة؟']),
  doc('kamal', 'كمال والباقة الذهبية', ['أنا كمال وأرغب بالباقة الذهبية']),
  doc('capital', 'رأس المال', ['هل يمكن سحب المال من المحفظة؟']),
  doc('malik', 'مالك المتجر', ['أنا مالك المتجر وأريد إضافة موظف']),
  doc('ilham', 'استفسار إلهام', ['معك إلهام من التسويق']),
  doc('important', 'أمر هام', ['لدي أمر هام بخصوص العقد']),
  // Look-alike words
  doc('when-arrives', 'متى يصل المندوب؟', ['قالوا إن المندوب يصل خلال ساعتين']),
  doc('lebanon', 'الشحن إلى لبنان', ['هل تشحنون إلى لبنان؟']),
  doc('milk', 'اللبن منتهي الصلاحية', ['وصلني اللبن منتهي الصلاحية']),
  doc('handed-over', 'سلّم المندوب الطلب', ['المندوب سلّم الطلب للجار دون إذني']),
  doc('office-phone', 'تلفون المكتب', ['رقم تلفون المكتب لا يرد أبداً']),
  doc('damage', 'تلف في الشحنة', ['وصلت الشحنة وفيها تلف واضح']),
  doc('water-filter', 'فلتر الماء', ['فلتر الماء يحتاج تغيير كل ستة أشهر']),
  doc('one-liter', 'عبوة لتر', ['أريد عبوة لتر واحد بدل نصف لتر']),
  doc('mobile-phone', 'جوال محمول', ['هل يتوفر شاحن للهاتف المحمول؟']),
];
