;;; translint.el --- translint's language server through Eglot  -*- lexical-binding: t; -*-

;; Keywords: languages, wp
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))

;;; Commentary:

;; Registers `translint lsp' with Eglot for text, Markdown, HTML, PO and XML buffers.
;;
;;   (require 'translint)
;;   (add-hook 'text-mode-hook #'translint-eglot-ensure)
;;
;; Findings show through Flymake; M-x eglot-code-actions at a finding offers the suggested
;; replacements, "Add WORD to the project word list" and "Disable RULE in this document".
;; `text-mode-hook' runs for every mode derived from text-mode (Markdown, HTML, nXML...);
;; `translint-eglot-ensure' starts translint only where it can tell the language.

;;; Code:

(require 'eglot)

(defgroup translint nil
  "The translint translation-quality linter."
  :group 'tools
  :prefix "translint-")

(defcustom translint-command '("translint" "lsp")
  "The command that runs translint's language server, program first."
  :type '(repeat string))

(defun translint--contact (&optional _interactive)
  "The server command for Eglot: `translint-command'."
  translint-command)

;; Eglot takes the first entry whose mode the buffer's mode is or derives from. The markup
;; modes go first, ahead of Eglot's own Markdown and HTML servers; text-mode goes last, so that
;; the modes derived from it that have servers of their own (TeX, BibTeX...) keep them. The
;; language id names the format of a file whose extension does not.
(add-to-list 'eglot-server-programs
             (cons '((markdown-mode :language-id "markdown")
                     (mhtml-mode :language-id "html")
                     (html-mode :language-id "html")
                     (nxml-mode :language-id "xml")
                     (po-mode :language-id "po"))
                   #'translint--contact))
(add-to-list 'eglot-server-programs
             (cons '((text-mode :language-id "plaintext")) #'translint--contact)
             t)

(defun translint-checkable-p (&optional file)
  "Whether translint can tell the language of FILE (default: the buffer's file).
True under a .translint.yaml, for a name like article.it.txt, and
for XLIFF, PO and TSV files."
  (let ((file (or file buffer-file-name)))
    (and file
         (not (file-remote-p file))
         (or (locate-dominating-file file ".translint.yaml")
             (string-match-p "\\.[[:alpha:]]\\{2,3\\}\\.[^./]+\\'" file)
             (member (file-name-extension file)
                     '("xlf" "xliff" "sdlxliff" "po" "pot" "tsv"))))))

;;;###autoload
(defun translint-eglot-ensure ()
  "Start translint through Eglot for this buffer, if it can be checked.
For mode hooks: (add-hook \\='text-mode-hook #\\='translint-eglot-ensure)."
  (when (translint-checkable-p)
    (eglot-ensure)))

(provide 'translint)
;;; translint.el ends here
