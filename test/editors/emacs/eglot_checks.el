;;; eglot_checks.el --- Unitsmith in Emacs through eglot -*- lexical-binding: t -*-

;; Run from the repository root, after `node scripts/build.mjs':
;;   UNITSMITH_SERVER=$PWD/server/bin/unitsmith-language-server.js \
;;     emacs --batch -l test/editors/emacs/eglot_checks.el
;;
;; The Emacs set-up is not written here: it is the ```elisp block under **Emacs** in
;; docs/editors.md, evaluated as a user's init file would be.  The built server is put on
;; `exec-path' as `unitsmith-language-server' (a symbolic link, as `npm install -g ./server'
;; makes), so the manual's command line is used unchanged.  Each unit file is opened with
;; `find-file' and eglot is started the way M-x eglot starts it.
;;
;; Environment: UNITSMITH_SERVER (path of unitsmith-language-server.js, required),
;; UNITSMITH_README (default: the docs/editors.md of this checkout), UNITSMITH_TIMEOUT_MS (per
;; wait, default 20000).  `node' must be on PATH: the server starts with `#!/usr/bin/env node'.
;; Prints "# ..." notes and "ok - <check>" or "not ok - <check>: <why>" per check on stdout
;; and exits 1 if any check failed.  Every wait polls `accept-process-output' to a deadline.

(require 'cl-lib)
(require 'lisp-mnt)
(require 'subr-x)

(defconst unitsmith-checks-dir (file-name-directory (or load-file-name buffer-file-name)))
(defconst unitsmith-server (getenv "UNITSMITH_SERVER"))
(defconst unitsmith-readme
  (or (getenv "UNITSMITH_README") (expand-file-name "../../../docs/editors.md" unitsmith-checks-dir)))
(defconst unitsmith-timeout
  (/ (string-to-number (or (getenv "UNITSMITH_TIMEOUT_MS") "20000")) 1000.0))
(defconst unitsmith-workdir (make-temp-file "unitsmith-emacs-" t))

;; No backup, auto-save or lock files beside the scratch units; eglot's connection is waited
;; for below, with this script's own deadline.
(setq make-backup-files nil
      auto-save-default nil
      create-lockfiles nil
      eglot-sync-connect nil)

(defvar unitsmith-failures 0)

(defun unitsmith-say (line)
  "Write LINE and a newline to stdout."
  (princ (concat line "\n")))

(defun unitsmith-finish ()
  "Stop every eglot server, delete the scratch folder and exit.
The exit code is 1 if a check failed.  Warnings a user would have
seen pop up (eglot puts unsupported server requests there) are
printed as notes first."
  (when-let ((warnings (get-buffer "*Warnings*")))
    (with-current-buffer warnings
      (dolist (line (split-string (buffer-string) "\n" t))
        (unitsmith-say (concat "# *Warnings*: " line)))))
  (when (featurep 'eglot)
    (maphash (lambda (_project servers)
               (dolist (server servers)
                 (ignore-errors (eglot-shutdown server nil unitsmith-timeout))))
             eglot--servers-by-project))
  (delete-directory unitsmith-workdir t)
  (kill-emacs (if (zerop unitsmith-failures) 0 1)))

(defun unitsmith-wait-for (what fn)
  "Poll FN until it returns non-nil, and return that value.
Signal an error naming WHAT when the deadline passes.  Between
polls Emacs reads the server's output and runs its timers, as it
does between a user's keystrokes."
  (let ((deadline (+ (float-time) unitsmith-timeout))
        value)
    (while (and (not (setq value (funcall fn)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "%s: nothing within %s s" what unitsmith-timeout))))

(defmacro unitsmith-check (name &rest body)
  "Run BODY and print ok or not ok with NAME and the error."
  (declare (indent 1))
  `(condition-case err
       (progn ,@body (unitsmith-say (concat "ok - " ,name)))
     (error
      (setq unitsmith-failures (1+ unitsmith-failures))
      (unitsmith-say (format "not ok - %s: %s" ,name (error-message-string err))))))

(defun unitsmith-readme-snippet ()
  "Return the manual's Emacs set-up: the ```elisp block after **Emacs**."
  (with-temp-buffer
    (insert-file-contents unitsmith-readme)
    (goto-char (point-min))
    (unless (re-search-forward "^\\*\\*Emacs\\*\\*" nil t)
      (error "%s has no **Emacs** paragraph" unitsmith-readme))
    (unless (re-search-forward "^```elisp\n" nil t)
      (error "%s has no ```elisp block after **Emacs**" unitsmith-readme))
    (let ((start (point)))
      (unless (re-search-forward "^```$" nil t)
        (error "The ```elisp block in %s is not closed" unitsmith-readme))
      (buffer-substring-no-properties start (match-beginning 0)))))

(defun unitsmith-eval-string (text)
  "Evaluate every form of TEXT in order, as loading an init file does."
  (with-temp-buffer
    (insert text)
    (eval-buffer nil nil nil nil t)))

(defun unitsmith-install-server ()
  "Make `unitsmith-language-server' on PATH run the built server."
  (unless (and unitsmith-server (file-exists-p unitsmith-server))
    (error "UNITSMITH_SERVER is not set or names no file: %S" unitsmith-server))
  (let ((bin (expand-file-name "bin" unitsmith-workdir)))
    (make-directory bin t)
    (make-symbolic-link (expand-file-name unitsmith-server)
                        (expand-file-name "unitsmith-language-server" bin))
    (push bin exec-path)
    (setenv "PATH" (concat bin path-separator (getenv "PATH")))))

(defun unitsmith-open (name lines)
  "Write LINES to NAME in the scratch folder, visit it and start eglot.
Eglot is started as M-x eglot starts it, and the buffer returned
once the server has answered `initialize' and eglot manages it."
  (let ((path (expand-file-name name unitsmith-workdir)))
    (with-temp-file path (insert (string-join lines "\n") "\n"))
    (find-file path)
    (unless (eq major-mode 'conf-unix-mode)
      (error "%s opened in %s, not conf-unix-mode" name major-mode))
    (unless (eglot-current-server)
      ;; The guess M-x eglot makes; with the manual's entry it asks nothing.
      (apply #'eglot (append (eglot--guess-contact t) '(t))))
    (unitsmith-wait-for
     "the server's initialize reply and eglot managing the buffer"
     (lambda ()
       (let ((server (eglot-current-server)))
         (and (eglot-managed-p) server (jsonrpc-running-p server)
              (eglot--capabilities server)))))
    (current-buffer)))

(defun unitsmith-hover-text (contents)
  "Return the text of hover CONTENTS: markup, a marked string or a vector."
  (cond ((stringp contents) contents)
        ((vectorp contents) (mapconcat #'unitsmith-hover-text contents "\n"))
        ((plist-get contents :value))
        (t (format "%S" contents))))

(defun unitsmith-diagnostic-lines ()
  "Return flymake's diagnostics in the current buffer as \"line N: text\"."
  (mapcar (lambda (d)
            (format "line %d: %s"
                    (line-number-at-pos (flymake-diagnostic-beg d))
                    (flymake-diagnostic-text d)))
          (flymake-diagnostics)))

(condition-case err
    (progn
      (unitsmith-say (format "# emacs %s" emacs-version))
      (unitsmith-install-server)
      (unitsmith-eval-string (unitsmith-readme-snippet))
      (require 'eglot)
      (unitsmith-say
       (format "# eglot %s (%s)"
               (or (ignore-errors (lm-version (locate-library "eglot.el"))) "of unknown version")
               (locate-library "eglot")))
      (unitsmith-say (format "# eglot-server-programs entry: %S"
                             (assq 'conf-unix-mode eglot-server-programs))))
  (error
   (setq unitsmith-failures 1)
   (unitsmith-say (format "not ok - setup: %s" (error-message-string err)))
   (unitsmith-finish)))

(unitsmith-check "flymake shows the server's malformed-line and unknown-directive diagnostics"
  (unitsmith-open "broken.service"
                  '("[Unit]"
                    "Description=Broken on purpose"
                    ""
                    "[Service]"
                    "this line has no equals sign"
                    "ExecStrat=/bin/true"))
  (let ((found (unitsmith-wait-for
                "flymake diagnostics naming malformed-line and unknown-directive"
                (lambda ()
                  (let ((lines (unitsmith-diagnostic-lines)))
                    (and (cl-some (lambda (l) (string-search "malformed-line" l)) lines)
                         (cl-some (lambda (l) (string-search "unknown-directive" l)) lines)
                         lines))))))
    (dolist (line found) (unitsmith-say (concat "# flymake: " line)))
    ;; eglot shows a diagnostic as "SOURCE [CODE]: MESSAGE".
    (dolist (wanted '("line 5: unitsmith [malformed-line]: "
                      "line 6: unitsmith [unknown-directive]: "))
      (unless (cl-some (lambda (line) (string-prefix-p wanted line)) found)
        (error "No diagnostic starts with %S: %S" wanted found)))))

(unitsmith-check "completion-at-point after Exec offers ExecStart"
  (unitsmith-open "complete.service" '("[Service]" "Exec"))
  (goto-char (point-min))
  (forward-line 1)
  (end-of-line)
  (let* ((capf (or (eglot-completion-at-point) (error "Eglot offers no completion here")))
         (prefix (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)))
         ;; Asking eglot's completion table sends textDocument/completion and waits for it.
         (candidates (mapcar #'substring-no-properties (all-completions prefix (nth 2 capf)))))
    (unitsmith-say (format "# %d candidates for %S: %s"
                           (length candidates) prefix (string-join candidates " ")))
    (unless (cl-some (lambda (c) (string-match-p "\\`ExecStart=?\\'" c)) candidates)
      (error "ExecStart is not among %S" candidates))))

(unitsmith-check "hover on ExecStart explains ExecStart="
  (unitsmith-open "hover.service" '("[Service]" "ExecStart=/bin/true"))
  (goto-char (point-min))
  (forward-line 1)
  (forward-char 3)
  (let* ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                 (eglot--TextDocumentPositionParams)
                                 :timeout unitsmith-timeout))
         (text (and hover (unitsmith-hover-text (plist-get hover :contents)))))
    (unitsmith-say (format "# hover: %s" (car (split-string (or text "(none)") "\n"))))
    (unless (and text (string-search "ExecStart=" text))
      (error "The hover does not mention ExecStart=: %S" hover))))

(unitsmith-finish)

;;; eglot_checks.el ends here
