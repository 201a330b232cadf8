;;; emacs-roundtrip.el --- translint through Eglot and Flymake, in Emacs -*- lexical-binding: t; -*-

;; Run by tests/editors/emacs.sh: emacs --batch -l plugin/emacs/translint.el -l this file.
;; Exits 0 when every step passes, 1 with a message on stderr otherwise.

(require 'cl-lib)
(require 'subr-x)
(require 'ert-x)

(defvar roundtrip-article (getenv "ARTICLE"))

(defun roundtrip-say (format-string &rest args)
  (message "emacs: %s" (apply #'format format-string args)))

(defun roundtrip-fail (format-string &rest args)
  (message "emacs: FAIL: %s" (apply #'format format-string args))
  (when-let ((article (and roundtrip-article (find-buffer-visiting roundtrip-article))))
    (with-current-buffer article
      (message "Flymake's diagnostics:\n%s"
               (mapconcat (lambda (d)
                            (format "  %S %s" (roundtrip-covered d) (flymake-diagnostic-text d)))
                          (flymake-diagnostics) "\n"))
      (message "eglot--diagnostics: %d" (length eglot--diagnostics))))
  ;; The end of Eglot's log of the conversation with the server.
  (dolist (buffer (buffer-list))
    (when (string-match-p "EGLOT .* events" (buffer-name buffer))
      (with-current-buffer buffer
        (message "%s:\n%s" (buffer-name)
                 (buffer-substring-no-properties (max (point-min) (- (point-max) 6000))
                                                 (point-max))))))
  (kill-emacs 1))

(defun roundtrip-read-pending ()
  "Read the server messages Emacs has received but not read.
jsonrpc 1.0.14 (Emacs 28) stops reading its process buffer when
the reply to a synchronous request (`eglot-execute-command',
`eglot-code-actions') arrives: a notification that came in the
same read, such as the diagnostics published right after
translint.disableRule, waits there until the server sends
something else.  This reads it, as the next message would."
  (when-let* ((server (and roundtrip-article (find-buffer-visiting roundtrip-article)
                           (with-current-buffer (find-buffer-visiting roundtrip-article)
                             (eglot-current-server))))
              (process (jsonrpc--process server)))
    (when (process-live-p process)
      (jsonrpc--process-filter process ""))))

(defun roundtrip-wait (what test &optional seconds)
  "Run timers and read output until TEST returns non-nil.
Fail naming WHAT after SECONDS.  A batch Emacs never waits for
input, so it is never idle: this runs the idle timers as an idle
Emacs would.  Eglot sends its didChange, and Flymake starts, on
idle timers."
  (let ((deadline (+ (float-time)
                     (* (or seconds 20)
                        ;; Sanitizer builds run several times slower (ci/sanitize).
                        (string-to-number
                         (or (getenv "TRANSLINT_TEST_TIMEOUT_SCALE") "1")))))
        result)
    (while (and (not (setq result (funcall test))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (ert-run-idle-timers)
      (roundtrip-read-pending))
    (or result (error "Timed out waiting for %s" what))))

(defun roundtrip-findings (rule &optional line)
  "Flymake's diagnostics from translint for RULE, on LINE (1-based) if given."
  (cl-remove-if-not
   (lambda (d)
     (and (string-match-p (regexp-quote (format "[%s]" rule)) (flymake-diagnostic-text d))
          (or (null line) (= line (line-number-at-pos (flymake-diagnostic-beg d) t)))))
   (flymake-diagnostics)))

(defun roundtrip-covered (d)
  (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))

(defun roundtrip-line (n)
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- n))
    (buffer-substring-no-properties (line-beginning-position) (line-end-position))))

(defun roundtrip-run-code-action (d title)
  "Run the code action TITLE of the finding D as a user picks it.
This goes through `eglot-code-actions'.  Returns the action Eglot
offered as the default."
  (let ((last-nonmenu-event ?\r) ; a key, not a mouse click: Eglot asks in the minibuffer
        offered default)
    (let ((completing-read-function
           (lambda (_prompt collection &optional _predicate _require _initial _history def
                            &rest _)
             (setq offered (all-completions "" collection) default def)
             (unless (member title offered)
               (error "No code action %S among %S" title offered))
             title)))
      (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d) nil t))
    default))

(defun roundtrip-run ()
  (roundtrip-say "Emacs %s, Eglot %s" emacs-version
                 (let ((library (locate-library "eglot")))
                   (or (and library (string-match "eglot-\\([0-9.]+\\)/" library)
                            (match-string 1 library))
                       library)))
  (find-file roundtrip-article)
  (unless (eq major-mode 'text-mode)
    (error "The article opened in %s, not text-mode" major-mode))
  ;; As from text-mode-hook: eglot-ensure connects after the current command.
  (translint-eglot-ensure)
  (run-hooks 'post-command-hook)
  (let ((server (roundtrip-wait "Eglot to connect" #'eglot-current-server)))
    (unless (equal (process-command (jsonrpc--process server)) translint-command)
      (error "Eglot runs %S, not %S" (process-command (jsonrpc--process server))
             translint-command)))
  (flymake-start)

  ;; "Ilon" on the first line, after à and «: UTF-16 columns from the server, Emacs positions.
  (roundtrip-wait "the diagnostics of the article"
                  (lambda () (and (roundtrip-findings "it.names.garbled" 1)
                                  (roundtrip-findings "it.names.garbled" 3))))
  (let ((ilon (roundtrip-findings "it.names.garbled" 1)))
    (unless (= (length ilon) 1)
      (error "%d it.names.garbled findings on line 1, not 1" (length ilon)))
    (setq ilon (car ilon))
    (unless (equal (roundtrip-covered ilon) "Ilon")
      (error "The finding covers %S, not \"Ilon\"" (roundtrip-covered ilon)))
    (unless (string-match-p "Elon" (flymake-diagnostic-text ilon))
      (error "The message does not mention Elon: %s" (flymake-diagnostic-text ilon)))
    (unless (eq (flymake-diagnostic-type ilon) 'eglot-error)
      (error "The finding is a %s, not an error" (flymake-diagnostic-type ilon)))
    (roundtrip-say "diagnostic: %s" (flymake-diagnostic-text ilon))

    ;; The quick fix, picked from Eglot's code actions; the preferred one is the default.
    (let ((default (roundtrip-run-code-action ilon "Replace with 'Elon'")))
      (unless (equal default "Replace with 'Elon'")
        (error "Eglot's default code action is %S" default))))
  (let ((fixed "Già a gennaio, «Elon Musk» ha parlato con i giornalisti."))
    (unless (equal (roundtrip-line 1) fixed)
      (error "After the fix line 1 reads %S" (roundtrip-line 1)))
    (roundtrip-wait "the re-check to drop the finding on \"Ilon\""
                    (lambda () (null (roundtrip-findings "it.names.garbled" 1))))
    (roundtrip-say "fixed: %s" fixed))
  (let ((makron (roundtrip-findings "it.names.garbled" 3)))
    (unless (and (= (length makron) 1) (equal (roundtrip-covered (car makron)) "Makron"))
      (error "After the fix, line 3 has %S" (mapcar #'roundtrip-covered makron)))

    ;; "Disable it.names.garbled in this document" runs the server's command.
    (roundtrip-run-code-action (car makron) "Disable it.names.garbled in this document")
    (roundtrip-wait "the server to silence it.names.garbled"
                    (lambda () (null (roundtrip-findings "it.names.garbled"))))
    (unless (equal (mapcar #'roundtrip-covered (roundtrip-findings "it.spelling" 3))
                   '("giornalsti"))
      (error "After disabling it.names.garbled the spelling finding is gone too")))
  (roundtrip-say "the rule switch works")
  (eglot-shutdown (eglot-current-server)))

;; A step that hangs fails the test rather than the ctest timeout.
(run-at-time 80 nil (lambda () (roundtrip-fail "the test took more than 80 s")))
(condition-case problem
    (roundtrip-run)
  (error (roundtrip-fail "%s" (error-message-string problem))))
(kill-emacs 0)

;;; emacs-roundtrip.el ends here
