"""Interface strings of the web pages in Arabic and French, and the choice of language.

The visitor's choice (cookie ``taysir_lang``) wins, else the browser's ``Accept-Language``,
else Arabic. Every string has both languages (a test checks it).
"""

from __future__ import annotations

LANGS = ("ar", "fr")
DEFAULT = "ar"
COOKIE = "taysir_lang"
DIRS = {"ar": "rtl", "fr": "ltr", "ary": "rtl"}
# languages of documents and tracks, named in each interface language
LANG_NAMES = {
    "ar": {"ar": "العربية", "fr": "الفرنسية", "ary": "الدارجة المغربية", "en": "الإنجليزية"},
    "fr": {"ar": "arabe", "fr": "français", "ary": "darija marocaine", "en": "anglais"},
}
SELF_NAMES = {"ar": "العربية", "fr": "Français"}

STRINGS: dict[str, dict[str, str]] = {
    "site": {"ar": "تيسير", "fr": "Taysir"},
    "tagline": {"ar": "وثائق رسمية بصيغ ميسّرة", "fr": "Documents officiels en formats accessibles"},
    "skip": {"ar": "انتقل إلى المحتوى الرئيسي", "fr": "Aller au contenu principal"},
    "nav_main": {"ar": "التنقل الرئيسي", "fr": "Navigation principale"},
    "nav_catalogue": {"ar": "الوثائق المنشورة", "fr": "Documents publiés"},
    "nav_staff": {"ar": "فضاء الموظفين", "fr": "Espace du personnel"},
    "nav_history": {"ar": "سجل المهام", "fr": "Historique des tâches"},
    "nav_signout": {"ar": "تسجيل الخروج", "fr": "Se déconnecter"},
    "lang_switch": {"ar": "لغة الواجهة", "fr": "Langue de l’interface"},
    "signed_in_as": {"ar": "متصل باسم", "fr": "Connecté en tant que"},
    "footer": {"ar": "تيسير: نسخ ميسّرة من الوثائق الرسمية (دارجة مبسطة، برايل، صوت، فيديو مترجم).",
               "fr": "Taysir : versions accessibles des documents officiels (darija simplifiée, braille, audio, vidéo sous-titrée)."},
    # catalogue
    "catalogue_title": {"ar": "الوثائق المنشورة", "fr": "Documents publiés"},
    "catalogue_intro": {"ar": "كل وثيقة هنا راجعها شخص ووافق عليها. اختر وثيقة لرؤية صيغها: نص بالدارجة، برايل، تسجيل صوتي، وغيرها.",
                        "fr": "Chaque document ici a été relu et approuvé par une personne. Choisissez un document pour voir ses formats : texte en darija, braille, audio, etc."},
    "search_label": {"ar": "البحث بالعنوان", "fr": "Rechercher par titre"},
    "search_button": {"ar": "بحث", "fr": "Rechercher"},
    "search_results": {"ar": "نتائج البحث عن «{q}»: {n}", "fr": "Résultats pour « {q} » : {n}"},
    "catalogue_count": {"ar": "عدد الوثائق: {n}", "fr": "Nombre de documents : {n}"},
    "catalogue_empty": {"ar": "لا توجد وثيقة منشورة بعد.", "fr": "Aucun document publié pour l’instant."},
    "search_empty": {"ar": "لا توجد وثيقة بهذا العنوان.", "fr": "Aucun document ne porte ce titre."},
    "published_on": {"ar": "نُشرت في", "fr": "Publié le"},
    "languages": {"ar": "اللغات", "fr": "Langues"},
    "formats_count": {"ar": "عدد الملفات", "fr": "Nombre de fichiers"},
    # public document
    "formats_title": {"ar": "الصيغ المتوفرة", "fr": "Formats disponibles"},
    "listen_title": {"ar": "الاستماع", "fr": "Écouter"},
    "watch_title": {"ar": "المشاهدة", "fr": "Regarder"},
    "captions": {"ar": "ترجمة مكتوبة", "fr": "Sous-titres"},
    "download": {"ar": "تنزيل", "fr": "Télécharger"},
    "open": {"ar": "فتح", "fr": "Ouvrir"},
    "file_size": {"ar": "الحجم", "fr": "Taille"},
    "in_lang": {"ar": "باللغة", "fr": "en"},
    "other_files": {"ar": "ملفات تقنية أخرى", "fr": "Autres fichiers techniques"},
    "audio_fallback": {"ar": "متصفحك لا يشغّل الصوت. يمكنك تنزيل الملف.", "fr": "Votre navigateur ne lit pas l’audio. Vous pouvez télécharger le fichier."},
    "back_catalogue": {"ar": "العودة إلى الوثائق المنشورة", "fr": "Retour aux documents publiés"},
    # format descriptions (what each one is for)
    "fmt_text": {"ar": "نص عادي", "fr": "Texte brut"},
    "fmt_text_d": {"ar": "النص وحده بدون تنسيق: يُقرأ بأي برنامج أو قارئ شاشة.",
                   "fr": "Le texte seul, sans mise en forme : il se lit avec n’importe quel logiciel ou lecteur d’écran."},
    "fmt_darija": {"ar": "نص مبسّط بالدارجة", "fr": "Texte simplifié en darija"},
    "fmt_darija_d": {"ar": "الوثيقة مكتوبة بالدارجة المغربية بجمل قصيرة، لمن يجد صعوبة في قراءة اللغة الإدارية.",
                     "fr": "Le document réécrit en darija marocaine, en phrases courtes, pour qui a du mal avec la langue administrative."},
    "fmt_easy": {"ar": "نص سهل القراءة بالفرنسية", "fr": "Texte en français facile à lire"},
    "fmt_easy_d": {"ar": "الوثيقة بفرنسية سهلة: جملة واحدة لكل فكرة.", "fr": "Le document en français facile : une idée par phrase."},
    "fmt_brf": {"ar": "برايل BRF", "fr": "Braille BRF"},
    "fmt_brf_d": {"ar": "ملف برايل جاهز للطباعة على طابعات البرايل (نظام أمريكا الشمالية).",
                  "fr": "Fichier braille prêt à imprimer sur une embosseuse (norme nord-américaine)."},
    "fmt_pef": {"ar": "برايل PEF", "fr": "Braille PEF"},
    "fmt_pef_d": {"ar": "ملف برايل دولي لطابعات البرايل وأجهزة العرض بالبرايل.",
                  "fr": "Fichier braille international, pour les embosseuses et les plages braille."},
    "fmt_brl": {"ar": "برايل للشاشة", "fr": "Braille pour l’écran"},
    "fmt_brl_d": {"ar": "نقاط البرايل كحروف يونيكود، للقراءة على شاشة أو سطر برايل.",
                  "fr": "Les points braille en caractères Unicode, à lire à l’écran ou sur une plage braille."},
    "fmt_mp3": {"ar": "تسجيل صوتي MP3", "fr": "Audio MP3"},
    "fmt_mp3_d": {"ar": "الوثيقة مقروءة بصوت، مع فصول عند كل عنوان. للاستماع هنا أو على الهاتف.",
                  "fr": "Le document lu à voix haute, avec un chapitre par titre. À écouter ici ou sur un téléphone."},
    "fmt_vtt": {"ar": "ترجمة مكتوبة WebVTT", "fr": "Sous-titres WebVTT"},
    "fmt_vtt_d": {"ar": "النص المكتوب المتزامن مع الصوت، للصم وضعاف السمع.",
                  "fr": "Le texte synchronisé avec la voix, pour les personnes sourdes ou malentendantes."},
    "fmt_srt": {"ar": "ترجمة مكتوبة SRT", "fr": "Sous-titres SRT"},
    "fmt_srt_d": {"ar": "نفس الترجمة المكتوبة بصيغة تقبلها أغلب برامج الفيديو.",
                  "fr": "Les mêmes sous-titres, dans le format accepté par la plupart des logiciels vidéo."},
    "fmt_mp4": {"ar": "فيديو مترجم", "fr": "Vidéo sous-titrée"},
    "fmt_mp4_d": {"ar": "فيديو بالصوت والترجمة المكتوبة، مع مكان محفوظ لمترجم لغة الإشارة.",
                  "fr": "Vidéo avec la voix et les sous-titres, et une place réservée à l’interprète en langue des signes."},
    "fmt_html": {"ar": "صفحة ويب ميسّرة", "fr": "Page web accessible"},
    "fmt_html_d": {"ar": "الوثيقة كصفحة ويب بعناوين حقيقية، تُقرأ جيدا بقارئ الشاشة وتكبَّر بسهولة.",
                   "fr": "Le document en page web avec de vrais titres : facile à lire au lecteur d’écran et à agrandir."},
    "fmt_epub": {"ar": "كتاب إلكتروني EPUB", "fr": "Livre numérique EPUB"},
    "fmt_epub_d": {"ar": "كتاب إلكتروني ميسّر لتطبيقات القراءة، يمكن فيه تغيير حجم الخط والاستماع.",
                   "fr": "Livre numérique accessible pour les applications de lecture : taille du texte réglable, lecture vocale."},
    "fmt_docx": {"ar": "وثيقة Word", "fr": "Document Word"},
    "fmt_docx_d": {"ar": "نسخة قابلة للتعديل ببرنامج معالجة النصوص.", "fr": "Une version modifiable dans un traitement de texte."},
    "fmt_pdf": {"ar": "وثيقة PDF", "fr": "Document PDF"},
    "fmt_pdf_d": {"ar": "نسخة للطباعة.", "fr": "Une version à imprimer."},
    "fmt_zip": {"ar": "كل الملفات (ZIP)", "fr": "Tous les fichiers (ZIP)"},
    "fmt_zip_d": {"ar": "ملف مضغوط يضم كل الصيغ.", "fr": "Une archive avec tous les formats."},
    "fmt_other": {"ar": "ملف", "fr": "Fichier"},
    "fmt_other_d": {"ar": "ملف تقني (للبرامج).", "fr": "Fichier technique (pour les logiciels)."},
    # sign in
    "signin_title": {"ar": "دخول الموظفين", "fr": "Connexion du personnel"},
    "signin_intro": {"ar": "أدخل رمز الدخول الذي أعطاك إياه المسؤول (يبدأ بـ tsr_).",
                     "fr": "Saisissez le jeton d’accès donné par l’administrateur (il commence par tsr_)."},
    "token_label": {"ar": "رمز الدخول", "fr": "Jeton d’accès"},
    "signin_button": {"ar": "دخول", "fr": "Se connecter"},
    "err_token": {"ar": "رمز الدخول غير صالح (غير معروف أو ملغى). تحقق منه أو اطلب رمزا جديدا.",
                  "fr": "Le jeton n’est pas valide (inconnu ou révoqué). Vérifiez-le ou demandez-en un nouveau."},
    "err_token_empty": {"ar": "أدخل رمز الدخول.", "fr": "Saisissez le jeton d’accès."},
    "signin_needed": {"ar": "سجّل الدخول للوصول إلى هذه الصفحة.", "fr": "Connectez-vous pour accéder à cette page."},
    "signed_out": {"ar": "تم تسجيل خروجك.", "fr": "Vous êtes déconnecté."},
    # errors
    "error_title": {"ar": "خطأ", "fr": "Erreur"},
    "errors_summary": {"ar": "يجب تصحيح ما يلي:", "fr": "Corrigez ce qui suit :"},
    "err_csrf": {"ar": "انتهت صلاحية النموذج. أعد تحميل الصفحة ثم حاول مجددا.",
                 "fr": "Le formulaire a expiré. Rechargez la page puis réessayez."},
    "not_found": {"ar": "الصفحة غير موجودة.", "fr": "Cette page n’existe pas."},
    "what_to_do": {"ar": "ما العمل", "fr": "Que faire"},
    # staff home / upload
    "staff_title": {"ar": "تحويل وثائق", "fr": "Convertir des documents"},
    "upload_title": {"ar": "إرسال وثائق", "fr": "Envoyer des documents"},
    "files_label": {"ar": "الوثائق (ملف واحد أو أكثر)", "fr": "Documents (un ou plusieurs fichiers)"},
    "files_hint": {"ar": "PDF أو DOCX أو ODT أو HTML أو نص أو صورة ممسوحة. الحد: {n} ملفات و{mb} ميغابايت.",
                   "fr": "PDF, DOCX, ODT, HTML, texte ou image scannée. Limite : {n} fichiers, {mb} Mo."},
    "outputs_legend": {"ar": "الصيغ المطلوبة", "fr": "Formats à produire"},
    "upload_button": {"ar": "إرسال وتحويل", "fr": "Envoyer et convertir"},
    "err_no_outputs": {"ar": "اختر صيغة واحدة على الأقل.", "fr": "Choisissez au moins un format."},
    "err_no_files": {"ar": "اختر ملفا واحدا على الأقل.", "fr": "Choisissez au moins un fichier."},
    "out_darija": {"ar": "نص مبسّط بالدارجة (مسودة للمراجعة)", "fr": "Texte simplifié en darija (brouillon à relire)"},
    "out_easy-french": {"ar": "فرنسية سهلة القراءة", "fr": "Français facile à lire"},
    "out_text": {"ar": "نص عادي", "fr": "Texte brut"},
    "out_braille": {"ar": "برايل (BRF وPEF)", "fr": "Braille (BRF et PEF)"},
    "out_audio": {"ar": "تسجيل صوتي MP3", "fr": "Audio MP3"},
    "out_captions": {"ar": "ترجمة مكتوبة (WebVTT وSRT)", "fr": "Sous-titres (WebVTT et SRT)"},
    "out_video": {"ar": "فيديو مترجم (بطيء)", "fr": "Vidéo sous-titrée (lent)"},
    "out_html": {"ar": "صفحة ويب ميسّرة", "fr": "Page web accessible"},
    "out_epub": {"ar": "كتاب إلكتروني EPUB", "fr": "Livre numérique EPUB"},
    "out_docx": {"ar": "وثيقة Word", "fr": "Document Word"},
    "out_json": {"ar": "البنية بصيغة JSON", "fr": "Structure en JSON"},
    # jobs
    "history_title": {"ar": "سجل المهام", "fr": "Historique des tâches"},
    "history_empty": {"ar": "لا توجد مهام بعد.", "fr": "Aucune tâche pour l’instant."},
    "job_title": {"ar": "تقدم المهمة", "fr": "Avancement de la tâche"},
    "job": {"ar": "المهمة", "fr": "Tâche"},
    "created": {"ar": "أُنشئت", "fr": "Créée"},
    "created_by": {"ar": "بواسطة", "fr": "Par"},
    "documents": {"ar": "الوثائق", "fr": "Documents"},
    "document": {"ar": "الوثيقة", "fr": "Document"},
    "status": {"ar": "الحالة", "fr": "État"},
    "stage": {"ar": "المرحلة", "fr": "Étape"},
    "progress": {"ar": "التقدم", "fr": "Avancement"},
    "review_state": {"ar": "المراجعة", "fr": "Relecture"},
    "actions": {"ar": "إجراءات", "fr": "Actions"},
    "open_job": {"ar": "تفاصيل المهمة {id}", "fr": "Détails de la tâche {id}"},
    "refresh": {"ar": "تحديث الحالة", "fr": "Actualiser l’état"},
    "progress_live_done": {"ar": "انتهت كل الوثائق.", "fr": "Tous les documents sont terminés."},
    "stages_of": {"ar": "{done} من {total} مراحل", "fr": "{done} étapes sur {total}"},
    "downloads": {"ar": "التنزيلات", "fr": "Téléchargements"},
    "download_all": {"ar": "تنزيل كل الملفات (ZIP)", "fr": "Télécharger tous les fichiers (ZIP)"},
    "no_files_yet": {"ar": "لا توجد ملفات بعد.", "fr": "Pas encore de fichiers."},
    "errors_doc": {"ar": "مشاكل", "fr": "Problèmes"},
    "review_link": {"ar": "مراجعة {name}", "fr": "Relire {name}"},
    "files_of": {"ar": "ملفات {name}", "fr": "Fichiers de {name}"},
    "st_queued": {"ar": "في الانتظار", "fr": "En attente"},
    "st_running": {"ar": "قيد التحويل", "fr": "En cours"},
    "st_success": {"ar": "تم بنجاح", "fr": "Réussi"},
    "st_partial_success": {"ar": "تم جزئيا", "fr": "Réussi en partie"},
    "st_failure": {"ar": "فشل", "fr": "Échec"},
    "st_cancelled": {"ar": "أُلغي", "fr": "Annulé"},
    "rv_none": {"ar": "—", "fr": "—"},
    "rv_draft": {"ar": "مسودة", "fr": "Brouillon"},
    "rv_reviewed": {"ar": "موافق عليها", "fr": "Approuvé"},
    "rv_published": {"ar": "منشورة", "fr": "Publié"},
    # review
    "review_title": {"ar": "مراجعة النص بالدارجة", "fr": "Relecture du texte en darija"},
    "review_intro": {"ar": "على اليسار أو اليمين: النص الأصلي؛ بجانبه: مسودة الدارجة. عدّل ما يلزم ثم احفظ. يجب الإبقاء على كل الأرقام.",
                     "fr": "À gauche ou à droite : le texte source ; à côté : le brouillon en darija. Corrigez ce qu’il faut puis enregistrez. Chaque nombre doit être conservé."},
    "review_summary": {"ar": "ملخص", "fr": "Résumé"},
    "segments": {"ar": "المقاطع", "fr": "Segments"},
    "revision": {"ar": "المراجعة رقم", "fr": "Révision"},
    "render_state": {"ar": "إعادة إنتاج الصيغ", "fr": "Régénération des formats"},
    "rs_queued": {"ar": "في الانتظار", "fr": "en attente"},
    "rs_running": {"ar": "جارية", "fr": "en cours"},
    "rs_done": {"ar": "منتهية", "fr": "terminée"},
    "rs_failed": {"ar": "فشلت", "fr": "échouée"},
    "rs_none": {"ar": "لا شيء", "fr": "aucune"},
    "metrics": {"ar": "المقاييس", "fr": "Mesures"},
    "metric_target": {"ar": "الهدف", "fr": "Cible"},
    "metric_met": {"ar": "محقق", "fr": "atteint"},
    "metric_unmet": {"ar": "غير محقق", "fr": "non atteint"},
    "segment_n": {"ar": "المقطع {n}", "fr": "Segment {n}"},
    "source_text": {"ar": "النص الأصلي", "fr": "Texte source"},
    "darija_text": {"ar": "نص الدارجة للمقطع {n}", "fr": "Texte en darija du segment {n}"},
    "reasons": {"ar": "الأسباب", "fr": "Raisons"},
    "flag_ok": {"ar": "سليم", "fr": "Correct"},
    "flag_needs_review": {"ar": "يحتاج مراجعة", "fr": "À relire"},
    "flag_needs_human": {"ar": "يحتاج ترجمة بشرية", "fr": "À traduire par une personne"},
    "flag_reviewed": {"ar": "تمت مراجعته", "fr": "Relu"},
    "edited": {"ar": "معدَّل", "fr": "modifié"},
    "save_button": {"ar": "حفظ التعديلات", "fr": "Enregistrer les modifications"},
    "saved": {"ar": "تم حفظ {n} مقطع.", "fr": "{n} segment(s) enregistré(s)."},
    "nothing_changed": {"ar": "لم يتغير أي مقطع.", "fr": "Aucun segment n’a changé."},
    "approve_title": {"ar": "الموافقة والنشر", "fr": "Approbation et publication"},
    "allow_untranslated": {"ar": "الموافقة رغم وجود مقاطع تحتاج ترجمة بشرية", "fr": "Approuver malgré des segments à traduire par une personne"},
    "approve_button": {"ar": "الموافقة على النص", "fr": "Approuver le texte"},
    "approved": {"ar": "تمت الموافقة. تُعاد الآن صناعة الصيغ من النص الموافق عليه إن لزم.",
                 "fr": "Approuvé. Les formats sont régénérés à partir du texte approuvé si nécessaire."},
    "publish_button": {"ar": "نشر في الفهرس العمومي", "fr": "Publier dans le catalogue public"},
    "published": {"ar": "تم النشر.", "fr": "Publié."},
    "unpublish_button": {"ar": "سحب من الفهرس", "fr": "Retirer du catalogue"},
    "unpublished": {"ar": "تم السحب من الفهرس.", "fr": "Retiré du catalogue."},
    "see_public": {"ar": "رؤية الصفحة العمومية", "fr": "Voir la page publique"},
    "render_wait": {"ar": "الصيغ قيد الإنتاج من النص الموافق عليه. يمكن النشر بعد انتهائها.",
                    "fr": "Les formats sont en cours de régénération à partir du texte approuvé. La publication sera possible ensuite."},
    "no_draft": {"ar": "لا توجد مسودة بالدارجة لهذه الوثيقة (لم تُطلب صيغة الدارجة).",
                 "fr": "Ce document n’a pas de brouillon en darija (le format darija n’a pas été demandé)."},
    "state_now": {"ar": "الحالة الحالية", "fr": "État actuel"},
    "approved_by": {"ar": "وافق عليها", "fr": "Approuvé par"},
    "back_job": {"ar": "العودة إلى المهمة", "fr": "Retour à la tâche"},
    "locked_published": {"ar": "الوثيقة منشورة: اسحبها من الفهرس لتعديلها.", "fr": "Le document est publié : retirez-le du catalogue pour le modifier."},
    "err_numbers_changed": {"ar": "الأرقام لا تطابق النص الأصلي: يجب الإبقاء على كل رقم كما هو.", "fr": "Les nombres ne correspondent pas à la source : gardez chaque nombre."},
    "err_empty_segment": {"ar": "المقطع فارغ: اكتب نصه بالدارجة.", "fr": "Le segment est vide : écrivez son texte en darija."},
    "err_unknown_segment": {"ar": "هذا المقطع غير موجود في المسودة.", "fr": "Ce segment n’existe pas dans le brouillon."},
    "err_conflict": {"ar": "تعذر تنفيذ العملية في الحالة الحالية للوثيقة.", "fr": "Action impossible dans l’état actuel du document."},
    "err_stale": {"ar": "تغيّرت المسودة منذ فتح الصفحة. أعد تحميلها ثم طبّق تعديلاتك.", "fr": "Le brouillon a changé depuis l’ouverture de la page. Rechargez-la puis refaites vos modifications."},
    "err_untranslated": {"ar": "بعض المقاطع تحتاج ترجمة بشرية. ترجمها، أو اختر الموافقة رغم ذلك.", "fr": "Des segments restent à traduire par une personne. Traduisez-les, ou cochez l’approbation malgré tout."},
    "err_upload": {"ar": "تعذر قبول الإرسال.", "fr": "L’envoi n’a pas pu être accepté."},
    "details_en": {"ar": "تفاصيل تقنية", "fr": "Détails techniques"},
    "render_failed": {"ar": "فشلت إعادة إنتاج الصيغ", "fr": "La régénération des formats a échoué"},
    "publish_ready": {"ar": "انتهى إنتاج الصيغ: يمكن النشر الآن.", "fr": "Les formats sont prêts : vous pouvez publier."},
    "fmt_json": {"ar": "بيانات JSON", "fr": "Données JSON"},
    "fmt_json_d": {"ar": "بيانات تقنية للبرامج (الفهارس والتوقيت).", "fr": "Données techniques pour les logiciels (index, minutage)."},
    "fmt_quality": {"ar": "تقرير الجودة", "fr": "Rapport de qualité"},
    "fmt_quality_d": {"ar": "مقاييس مسودة الدارجة (للموظفين).", "fr": "Mesures du brouillon en darija (pour le personnel)."},
    "fmt_reviewfile": {"ar": "ملف المراجعة", "fr": "Fichier de relecture"},
    "fmt_reviewfile_d": {"ar": "نص المسودة للمراجعة خارج الموقع.", "fr": "Le brouillon à relire hors du site."},
    "fmt_tasks": {"ar": "مقاطع للترجمة البشرية", "fr": "Segments à traduire par une personne"},
    "fmt_tasks_d": {"ar": "قائمة المقاطع التي يجب أن يترجمها شخص.", "fr": "La liste des segments qu’une personne doit traduire."},
    "fmt_draft": {"ar": "مسودة (JSON)", "fr": "Brouillon (JSON)"},
    "fmt_draft_d": {"ar": "المسودة بصيغة JSON لسير عمل المراجعة.", "fr": "Le brouillon en JSON pour la relecture."},
    "sev_warning": {"ar": "تنبيه", "fr": "Avertissement"},
    "sev_error": {"ar": "خطأ", "fr": "Erreur"},
}


def negotiate(cookie: str | None, accept_language: str | None) -> str:
    """The interface language: the cookie, else the best of Accept-Language, else Arabic."""
    if cookie in LANGS:
        return cookie  # type: ignore[return-value]
    best: tuple[float, int, str] | None = None
    for i, part in enumerate((accept_language or "").split(",")):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower()
        q = 1.0
        for b in bits[1:]:
            b = b.strip()
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        primary = tag.split("-")[0]
        if primary in LANGS and q > 0 and (best is None or (q, -i) > (best[0], best[1])):
            best = (q, -i, primary)
    return best[2] if best else DEFAULT


class Translator:
    """``t("key", n=3)`` in templates: the string in the page language, formatted."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **kw: object) -> str:
        entry = STRINGS.get(key)
        text = entry.get(self.lang) or entry.get(DEFAULT, key) if entry else key
        return text.format(**kw) if kw else text

    def has(self, key: str) -> bool:
        return key in STRINGS

    def lang_name(self, code: str | None) -> str:
        if not code:
            return ""
        return LANG_NAMES[self.lang].get(code, code)
