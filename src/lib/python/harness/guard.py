"""
The isolation guard: what keeps learner Python from reaching the harness
that shares its interpreter, so that nothing learner code does can change a
verdict except solving the exercise.

Three layers, none of them a boundary alone:

1. `check(source)`: a static check of the learner's file (stdlib `ast`),
   before any of it runs. It refuses the syntax that leads from learner code
   to the harness's objects: dunder attributes outside a short allow-list
   (`__globals__`, `__closure__`, `__code__`, `__subclasses__`, `__dict__`...),
   frame, traceback and coroutine internals (`f_back`, `tb_frame`,
   `cr_frame`, `co_*`...), private attributes of objects that are not the
   learner's own (`self._lock` in the learner's class is fine,
   `loop._recorder` is not), `getattr`/`setattr`/`delattr`/`hasattr` with a
   name that is not a plain safe literal, `vars`/`globals`/`locals`/`exec`/
   `eval`/`compile`, introspection modules (`gc`, `inspect`, `builtins`,
   `importlib`, `pickle`...), and replacing an attribute of an imported
   module (`asyncio.sleep = ...`).
2. `runtime_refusal(event, args)`: called by the harness's audit hook while
   learner code runs, for what the static check can't see (a name built at
   run time, a library handing frames back): getting a frame
   (`sys._getframe`, `tb_frame`, `cr_frame`, `task.get_stack()`...) from
   learner code or for it, `sys._current_frames`, `gc`, making code or
   function objects, replacing a function's `__code__`, `exec`/`compile`
   called by learner code, and opening any file from learner code.
3. `Snapshot`: the harness's view of the modules and classes it relies on
   (asyncio, time, builtins, json, its own loop and recorder classes), taken
   before learner code runs and compared after: a change fails the run with
   a `sandbox` error, and is undone before anything is reported.

Plain Python 3.11+ (CPython and Pyodide alike), standard library only.
"""

from __future__ import annotations

import ast
import re
import sys
import types
from typing import NamedTuple

# ── what learner code may touch ───────────────────────────────────────────

#: Dunder attributes a learner's code needs: constructors and protocols it defines or calls
#: (`super().__init__()`, `__aenter__`), and names that are only text (`type(e).__name__`).
#: None of them leads to a function's globals, a frame, or the class tree.
ALLOWED_DUNDERS = frozenset(
    """
    __init__ __new__ __post_init__ __name__ __qualname__ __doc__ __module__ __class__ __slots__ __match_args__
    __enter__ __exit__ __aenter__ __aexit__ __await__ __aiter__ __anext__ __iter__ __next__ __call__
    __len__ __bool__ __repr__ __str__ __format__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__
    __getitem__ __setitem__ __delitem__ __contains__ __add__ __sub__ __mul__ __truediv__ __floordiv__
    __mod__ __pow__ __neg__ __pos__ __abs__ __radd__ __rsub__ __rmul__ __and__ __or__ __xor__ __invert__
    __traceback__ __cause__ __context__ __suppress_context__ __notes__ __version__ __all__
    __set_name__ __init_subclass__ __class_getitem__
    """.split()
)

#: Dunder names a learner's module may read as plain names (`if __name__ == "__main__":`).
ALLOWED_DUNDER_NAMES = frozenset({"__name__", "__doc__", "__file__", "__debug__"})

#: Dunder names a class body or module may set (`__slots__ = ("_x",)`, `__hash__ = None`, `__all__ = [...]`).
#: Not `__module__`: the run-time check of private access trusts a class's module.
ALLOWED_DUNDER_STORES = frozenset({"__slots__", "__match_args__", "__hash__", "__all__", "__version__"})

#: Methods a learner's class may not define: `__del__` runs whenever the object dies, after the run too.
REFUSED_DEFINITIONS = frozenset({"__del__"})

#: Attributes that hand out frames, code, or a cell's contents, on any object.
FRAME_ATTRIBUTES = frozenset(
    """
    f_back f_globals f_locals f_builtins f_code f_trace f_lasti f_generator
    tb_frame tb_next gi_frame gi_code gi_yieldfrom gi_running gi_suspended
    cr_frame cr_code cr_await cr_origin cr_running cr_suspended ag_frame ag_code ag_await ag_running
    cell_contents
    """.split()
)

#: Other attributes refused on any object: each hands out frames, reads attributes by a name
#: built at run time, or reaches the interpreter's machinery (tracing, the module table, audit hooks),
#: or would silence the loop's report of a task exception nobody retrieved (an exercise judges it).
REFUSED_ATTRIBUTES = frozenset(
    """
    get_stack walk_tb walk_stack currentframe attrgetter methodcaller get_field
    getmembers getmembers_static getattr_static getclosurevars locate resolve_name get_type_hints ForwardRef
    BaseConfigurator DictConfigurator dictConfig fileConfig
    FileIO set_exception_handler default_exception_handler
    settrace setprofile gettrace getprofile settrace_all_threads setprofile_all_threads
    addaudithook audit modules meta_path path_hooks path_importer_cache
    """.split()
)

#: Attributes of the os module that write to a file descriptor the harness owns (its stdout) or replace one.
REFUSED_OS_ATTRIBUTES = frozenset(
    "write writev pwrite pwritev sendfile dup dup2 fdopen open openpty close closerange _exit abort".split()
)

#: Built-in functions refused outright: each runs code the static check never saw, or hands out a namespace.
REFUSED_BUILTINS = frozenset({"exec", "eval", "compile", "breakpoint", "globals", "locals", "vars"})

#: Built-in functions allowed only with a plain, safe, literal attribute name.
NAME_CHECKED_BUILTINS = frozenset({"getattr", "setattr", "delattr", "hasattr"})

#: Modules refused by the static check: introspection, code from bytes, the interpreter's internals.
REFUSED_MODULES = frozenset(
    """
    gc inspect builtins importlib imp pkgutil runpy zipimport pickle copyreg shelve marshal dis code codeop
    pdb bdb trace tracemalloc faulthandler sys.monitoring __main__ main guard course_harness
    pydoc timeit profile cProfile doctest unittest logging.config annotationlib rlcompleter fcntl mmap
    """.split()
)

#: Modules left to the harness's import guard at run time (hidden from sys.modules, refused on import),
#: so `import js` keeps its runtime message, and a program can catch the refusal and go on.
RUNTIME_GUARDED_MODULES = frozenset({"js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "ctypes", "_ctypes"})

#: Modules whose every public name is harmless: `from X import *` is allowed only from these.
STAR_IMPORTS = frozenset({"course", "aiohttp", "asyncio", "math", "random", "time", "dataclasses", "typing", "collections", "itertools", "functools"})

#: A str.format field that walks attributes (`"{0.f_back}"`, `"{0._recorder}"`), in any string literal.
_FORMAT_FIELD = re.compile(r"\{[^{}:!]*\.\s*(_|f_|tb_|gi_|cr_|ag_|co_|cell_contents)")


class Refusal(NamedTuple):
    line: int
    what: str
    why: str

    def message(self) -> str:
        return (
            f"This course's sandbox doesn't allow `{self.what}` (line {self.line}): {self.why}. "
            "Learner code can't reach outside the exercise or into the course's harness; "
            "solve it with the exercise's own tools."
        )


_WHY_DUNDER = "it reaches into Python's internals (a function's globals, a class's subclasses, an object's namespace)"
_WHY_FRAME = "frames, tracebacks and coroutines are read by the harness, not by exercise code"
_WHY_PRIVATE = "a name starting with `_` is private to the object that owns it; use your own attributes (`self._x`) or public ones"
_WHY_DYNAMIC = "an attribute name must be written out, so the sandbox can see it"
_WHY_INTROSPECTION = "it reads or changes the interpreter the course's harness runs in"
_WHY_PATCH = "it would replace something the course's clock and timeline rely on, for everyone's code"
_WHY_CODE = "it runs code the sandbox never checked"


def _is_dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def _is_private(name: str) -> bool:
    return name.startswith("_") and not _is_dunder(name)


def _module_refused(name: str) -> bool:
    if name == "__future__" or name in RUNTIME_GUARDED_MODULES or name.split(".", 1)[0] in RUNTIME_GUARDED_MODULES:
        return False
    parts = name.split(".")
    return (
        name in REFUSED_MODULES
        or parts[0] in REFUSED_MODULES
        or any(part.startswith("_") for part in parts)
    )


class _Checker(ast.NodeVisitor):
    def __init__(self) -> None:
        self.refusal: Refusal | None = None
        #: Names the learner bound by `import` (modules and what they import from modules): not the learner's own objects.
        self.imported: dict[str, str] = {}
        #: The learner's classes (their own private attributes are theirs to use).
        self.classes: set[str] = set()
        #: Names that only ever hold an instance of one of the learner's classes (see _instances_of).
        self.instances: set[str] = set()
        #: Names that stand for the learner's own instance or class here (`self`, `cls`), innermost last.
        self.own: list[frozenset[str]] = [frozenset()]
        self.class_depth: list[bool] = [False]

    # ── reporting ──

    def refuse(self, node: ast.AST, what: str, why: str) -> None:
        if self.refusal is None:
            self.refusal = Refusal(getattr(node, "lineno", 0) or 0, what, why)

    def visit(self, node: ast.AST):
        if self.refusal is None:
            return super().visit(node)
        return None

    # ── definitions ──

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for item in (*node.decorator_list, *node.bases, *node.keywords):
            self.visit(item)
        self.class_depth.append(True)
        for statement in node.body:
            self.visit(statement)
        self.class_depth.pop()

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if self.class_depth[-1] and node.name in REFUSED_DEFINITIONS:
            self.refuse(node, f"def {node.name}", "it would run whenever the object is collected, outside the exercise")
        for item in (*node.decorator_list, node.args, *(x for x in (node.returns,) if x is not None)):
            self.visit(item)
        own = set(self.own[-1])
        positional = [*node.args.posonlyargs, *node.args.args]
        is_static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)
        if self.class_depth[-1] and positional and not is_static:
            own.add(positional[0].arg)
        self.own.append(frozenset(own))
        self.class_depth.append(False)
        for statement in node.body:
            self.visit(statement)
        self.class_depth.pop()
        self.own.pop()

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    # ── imports ──

    def _check_module(self, node: ast.AST, name: str) -> None:
        if _module_refused(name):
            self.refuse(node, f"import {name}", _WHY_INTROSPECTION)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)
            bound = alias.asname or alias.name.split(".", 1)[0]
            self.imported[bound] = alias.name if alias.asname else alias.name.split(".", 1)[0]

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            self.refuse(node, "from . import", "a learner's file is not part of a package")
            return
        module = node.module or ""
        self._check_module(node, module)
        for alias in node.names:
            if alias.name == "*":
                if module not in STAR_IMPORTS:
                    self.refuse(node, f"from {module} import *", "import the names you use by name")
                continue
            self._check_attribute_name(node, alias.name, own=False, module=module)
            if module in ("os", "posix", "nt") and alias.name in REFUSED_OS_ATTRIBUTES:
                self.refuse(node, f"os.{alias.name}", "it writes to or replaces a file descriptor the harness owns")
            self.imported[alias.asname or alias.name] = f"{module}.{alias.name}"

    # ── attribute access ──

    def _check_attribute_name(self, node: ast.AST, name: str, *, own: bool, module: str | None = None, store: bool = False) -> None:
        if _is_dunder(name):
            if name not in ALLOWED_DUNDERS or store:
                self.refuse(node, name, _WHY_DUNDER)
        elif name in FRAME_ATTRIBUTES or name.startswith("co_"):
            self.refuse(node, name, _WHY_FRAME)
        elif name in REFUSED_ATTRIBUTES or (name in REFUSED_MODULES and name not in ("main", "code", "trace", "profile")):
            # A refused module is often an attribute of an allowed one (`asyncio.coroutines.inspect`).
            self.refuse(node, name, _WHY_INTROSPECTION)
        elif _is_private(name) and not own:
            self.refuse(node, f"{module}.{name}" if module else f".{name}", _WHY_PRIVATE)

    def _is_own(self, value: ast.expr) -> bool:
        if isinstance(value, ast.Name):
            return value.id in self.own[-1] or value.id in self.classes or value.id in self.instances
        # super()._helper() inside the learner's own class, or TheirClass()._x (checked again at run time, as all of these)
        return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and (value.func.id == "super" or value.func.id in self.classes)

    def _root_name(self, node: ast.expr) -> str | None:
        while isinstance(node, ast.Attribute):
            node = node.value
        return node.id if isinstance(node, ast.Name) else None

    def visit_Attribute(self, node: ast.Attribute) -> None:
        store = isinstance(node.ctx, (ast.Store, ast.Del))
        self._check_attribute_name(node, node.attr, own=self._is_own(node.value), store=store)
        root = self._root_name(node.value)
        if root is not None and root in self.imported:
            module = self.imported[root]
            if store:
                self.refuse(node, f"replacing {ast.unparse(node)}", _WHY_PATCH)
            if isinstance(node.value, ast.Name) and module in ("os", "posix", "nt") and node.attr in REFUSED_OS_ATTRIBUTES:
                self.refuse(node, f"os.{node.attr}", "it writes to or replaces a file descriptor the harness owns")
        self.visit(node.value)

    # ── names and calls ──

    def visit_Name(self, node: ast.Name) -> None:
        name = node.id
        if _is_dunder(name) and name not in ALLOWED_DUNDER_NAMES and not (isinstance(node.ctx, ast.Store) and name in ALLOWED_DUNDER_STORES):
            self.refuse(node, name, _WHY_DUNDER)
        elif name in REFUSED_BUILTINS:
            self.refuse(node, f"{name}()", _WHY_CODE if name in ("exec", "eval", "compile", "breakpoint") else _WHY_DUNDER)
        elif name in NAME_CHECKED_BUILTINS:
            # Reached only when not the function of a checked call (visit_Call): passed around, it could read any name.
            self.refuse(node, name, _WHY_DYNAMIC)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in NAME_CHECKED_BUILTINS:
            target, name = (node.args + [None, None])[:2]
            if node.keywords or len(node.args) < 2 or any(isinstance(a, ast.Starred) for a in node.args):
                self.refuse(node, f"{func.id}(...)", _WHY_DYNAMIC)
            elif not (isinstance(name, ast.Constant) and isinstance(name.value, str) and name.value.isidentifier()):
                self.refuse(node, f"{func.id}(..., <a name built at run time>)", _WHY_DYNAMIC)
            else:
                store = func.id in ("setattr", "delattr")
                self._check_attribute_name(node, name.value, own=self._is_own(target), store=store)
                root = self._root_name(target) if isinstance(target, (ast.Name, ast.Attribute)) else None
                if store and root is not None and root in self.imported:
                    self.refuse(node, f"{func.id}({ast.unparse(target)}, {name.value!r}, ...)", _WHY_PATCH)
            for arg in node.args:
                self.visit(arg)
            return
        if isinstance(func, ast.Name) and func.id == "__import__":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and len(node.args) == 1 and not node.keywords:
                self._check_module(node, first.value)
            else:
                self.refuse(node, "__import__(<a name built at run time>)", _WHY_DYNAMIC)
            return
        self.generic_visit(node)

    def visit_MatchClass(self, node: ast.MatchClass) -> None:
        # `case object(_recorder=r)` reads the attribute from whatever is matched, the harness's loop included.
        for name in node.kwd_attrs:
            self._check_attribute_name(node, name, own=False)
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and "{" in node.value and _FORMAT_FIELD.search(node.value):
            self.refuse(node, "a format field that reads a private or internal attribute", _WHY_FRAME)


def _instances_of(tree: ast.AST, classes: set[str]) -> set[str]:
    """
    Names that can only hold an instance of the learner's own classes: every
    place in the file that binds the name is `name = LearnerClass(...)`. One
    other binding anywhere (a parameter, a loop, `name = loop`) and it is not.
    """
    only_own: dict[str, bool] = {}

    def bind(name: str, own: bool) -> None:
        only_own[name] = only_own.get(name, True) and own

    handled: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            constructs = isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in classes
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        handled.add(id(name))
                        bind(name.id, constructs and target is name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)) and id(node) not in handled:
            # Any other store (a loop, `with ... as`, a walrus, del) may hold anything.
            bind(node.id, False)
        elif isinstance(node, ast.arg):
            bind(node.arg, False)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bind((alias.asname or alias.name).split(".", 1)[0], False)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bind(node.name, False)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bind(node.name, False)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                bind(name, False)
        elif isinstance(node, ast.MatchAs) and node.name:
            bind(node.name, False)
    return {name for name, own in only_own.items() if own}


def _bound_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.arg):
        return [node.arg]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.alias):
        return [node.asname or node.name]
    if isinstance(node, ast.ExceptHandler) and node.name:
        return [node.name]
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return list(node.names)
    if isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
        return [node.name]
    if isinstance(node, ast.MatchMapping) and node.rest:
        return [node.rest]
    return []


def check(source: str, tree: ast.AST | None = None) -> Refusal | None:
    """The first thing in the learner's file the sandbox refuses, or None. The source must compile."""
    checker = _Checker()
    tree = tree if tree is not None else ast.parse(source)
    checker.classes = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    checker.instances = _instances_of(tree, checker.classes)
    # Imports anywhere in the file, so `asyncio.sleep = …` in a function above `import asyncio` is seen too.
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                checker.imported[alias.asname or alias.name.split(".", 1)[0]] = alias.name if alias.asname else alias.name.split(".", 1)[0]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            for alias in node.names:
                if alias.name != "*":
                    checker.imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        # The run-time check of private access is a global of the learner's module: nothing may rebind its name
        # (a parameter, a def, an import alias, an except name are not Name nodes, so visit_Name doesn't see them).
        if OWN_CHECK in _bound_names(node):
            return Refusal(getattr(node, "lineno", 0) or 0, OWN_CHECK, _WHY_DUNDER)
    checker.visit(tree)
    return checker.refusal


# ── private attributes: checked again while the code runs ─────────────────

#: The name the instrumented code calls (a dunder: learner code can't spell it, the static check refuses it).
OWN_CHECK = "__course_own__"


class _Instrument(ast.NodeTransformer):
    """
    `self._x` passes the static check because `self` is the first parameter
    of a method of the learner's class. But a method is a plain function:
    `Kitchen.peek(asyncio.get_running_loop())` would read the loop's `_x`.
    So every private attribute the check allowed is compiled as
    `__course_own__(self)._x`, which refuses an object whose class the
    learner's file did not define.
    """

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if _is_private(node.attr):
            node.value = ast.copy_location(ast.Call(ast.Name(OWN_CHECK, ast.Load()), [node.value], []), node.value)
        elif node.attr in _CONSTRUCTORS:
            # `type(loop).__init__(loop, fake)` would re-initialise a harness object: constructors of the
            # learner's classes and of built-in types only (`super().__init__()`, `Exception.__init__(self, m)`).
            node.value = ast.copy_location(ast.Call(ast.Name(OWN_CHECK, ast.Load()), [node.value, ast.Constant(True)], []), node.value)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func, args = node.func, node.args
        if isinstance(func, ast.Name) and func.id in NAME_CHECKED_BUILTINS and len(args) >= 2:
            name = args[1]
            if isinstance(name, ast.Constant) and isinstance(name.value, str) and _is_private(name.value):
                args[0] = ast.copy_location(ast.Call(ast.Name(OWN_CHECK, ast.Load()), [args[0]], []), args[0])
        return node


#: Constructors: re-checked at run time like private attributes (see _Instrument).
_CONSTRUCTORS = frozenset({"__init__", "__new__"})


def instrument(tree: ast.Module) -> ast.Module:
    """The learner's checked tree, with private attribute access checked at run time (see _Instrument)."""
    return ast.fix_missing_locations(_Instrument().visit(tree))


def _machinery(module: str) -> bool:
    """Modules whose classes make up the harness, the course's helpers, or the event loop it drives."""
    root = module.split(".", 1)[0]
    return root in ("course_harness", "guard", "course", "aiohttp", "main", "asyncio", "_asyncio", "js", "pyodide", "_pyodide", "_pyodide_core")


def own_check(module_name: str, refuse):
    """The function instrumented code calls: passes the learner's own objects through, `refuse(what)` for anything else."""

    def learners(cls) -> bool:
        return getattr(cls, "__module__", None) == module_name

    def machinery_in(cls) -> bool:
        return any(_machinery(getattr(base, "__module__", "") or "") for base in getattr(cls, "__mro__", ()))

    def check_own(target, constructor: bool = False):
        # What matters is the object the attribute will act on: one the learner's code made is theirs, even if its
        # class inherits from asyncio's. Through a class (`L._run_once`, then called with any object), the
        # attribute must not come from the harness's or asyncio's classes.
        if isinstance(target, super):
            obj = target.__self__
            ok = learners(type(obj)) if not isinstance(obj, type) else learners(obj) and not machinery_in(obj)
            name = type(obj).__name__ if not isinstance(obj, type) else obj.__name__
        elif isinstance(target, type):
            ok = (learners(target) and not machinery_in(target)) or (constructor and target.__module__ == "builtins")
            name = target.__name__
        else:
            ok = learners(type(target))
            name = type(target).__name__
        if not ok:
            what = "the constructor" if constructor else "a private attribute"
            refuse(f"{what} of {name}, which your code did not make")
        return target

    return check_own


# ── while learner code runs: the audit hook's part ────────────────────────

#: Refused whenever learner code is running, whoever asks.
_ALWAYS_REFUSED = {
    "sys._current_frames": "sys._current_frames()",
    "sys._current_exceptions": "sys._current_exceptions()",
    "gc.get_referents": "gc.get_referents",
    "gc.get_referrers": "gc.get_referrers",
    "gc.get_objects": "gc.get_objects",
    "sys.addaudithook": "sys.addaudithook",
    "sys.settrace": "sys.settrace",
    "sys.setprofile": "sys.setprofile",
    "code.__new__": "making code objects",
    "function.__new__": "making a function from a code object",
}
#: Standard-library files that compile code they generate themselves (namedtuple's, a dataclass's methods).
_GENERATES_CODE = ("collections/__init__.py", "dataclasses.py")
#: Functions of the standard library that hand the frames they get to their caller.
_HANDS_OUT_FRAMES = frozenset({"walk_tb", "walk_stack", "currentframe", "stack", "trace", "getouterframes", "getinnerframes", "_task_get_stack", "get_stack"})


class RuntimeGuard:
    """
    Decides, for one audit event, whether learner code is asking: the Python
    frame that caused the event belongs to the learner's file, or is a
    standard-library function that hands frames back to the learner's frame
    that called it (`traceback.walk_stack`, `task.get_stack()`). The standard
    library using frames for itself (`traceback.print_exc()`,
    `collections.namedtuple`) is not refused.
    """

    def __init__(self, learner_file: str) -> None:
        self.learner_file = learner_file
        self._busy = False

    def _learner_asks(self) -> bool:
        # Reading frames here raises audit events of our own: _busy keeps this from recursing.
        frame = sys._getframe(3)  # 0 here, 1 refusal(), 2 the audit hook, 3 whoever caused the event
        if frame is None:
            return False
        if frame.f_code.co_filename == self.learner_file:
            return True
        caller = frame.f_back
        return frame.f_code.co_name in _HANDS_OUT_FRAMES and caller is not None and caller.f_code.co_filename == self.learner_file

    def _runs_for_learner(self) -> bool:
        """
        Code run (exec, eval) while learner code is on the stack: by the
        learner, or by a library on its behalf (`typing.get_type_hints` of
        a string annotation, `timeit`), whose code would not run as
        `main.py` and so would pass for the standard library's. Allowed:
        importing a module, and the standard library's own generated code
        (`namedtuple`, dataclasses).
        """
        frame = sys._getframe(3)  # 0 here, 1 refusal(), 2 the audit hook, 3 whoever compiles
        caller = frame
        learner_on_stack = False
        while frame is not None:
            if frame.f_code.co_filename == self.learner_file:
                learner_on_stack = True
                break
            frame = frame.f_back
        if not learner_on_stack or caller is None:
            return False
        path = caller.f_code.co_filename.replace("\\", "/")
        return not (path.startswith("<frozen importlib") or path.endswith(_GENERATES_CODE))

    def refusal(self, event: str, args: tuple) -> str | None:
        """What the sandbox refuses here, in a few words, or None. Call it from the audit hook itself (it counts frames)."""
        if self._busy:
            return None
        if event in _ALWAYS_REFUSED:
            return _ALWAYS_REFUSED[event]
        if event == "object.__setattr__" and len(args) > 1 and args[1] == "__code__":
            return "replacing a function's __code__"
        if event == "object.__setattr__" and len(args) > 1 and args[1] in ("__defaults__", "__kwdefaults__"):
            # namedtuple and typing.NamedTuple set their own __new__'s defaults.
            what = f"replacing a function's {args[1]}"
        elif event == "object.__getattr__":
            what = f"reading {args[1]}" if len(args) > 1 else "reading an internal attribute"
        elif event == "sys._getframe":
            what = "sys._getframe()"
        elif event == "exec":
            # Compiling alone runs nothing (traceback parses a line to place its carets, typing a string
            # annotation); running code is what's refused, whoever compiled it.
            self._busy = True
            try:
                return "running code from a string" if self._runs_for_learner() else None
            finally:
                self._busy = False
        elif event == "compile":
            what = "compile()"
        elif event == "open":
            what = "opening files"
        else:
            return None
        self._busy = True
        try:
            return what if self._learner_asks() else None
        finally:
            self._busy = False


# ── what the harness relies on, checked after the run ─────────────────────

#: Keys that change by themselves (the warnings machinery's per-module registry).
_VOLATILE = frozenset({"__warningregistry__"})


class Snapshot:
    """
    The namespaces of modules and classes the harness relies on, as they were
    before learner code ran. `changed()` names what learner code replaced,
    added or deleted; `restore()` puts it back (the next run in the same
    Pyodide must start clean). A submodule imported meanwhile is not a change.
    """

    def __init__(self, targets: dict[str, object]) -> None:
        self._saved = [(label, target, dict(vars(target))) for label, target in targets.items()]

    def changed(self) -> list[str]:
        names = []
        for label, target, before in self._saved:
            now = vars(target)
            for key in set(before) | set(now):
                if key in _VOLATILE:
                    continue
                if key not in now or key not in before:
                    if key not in before and isinstance(now[key], types.ModuleType):
                        continue
                    names.append(f"{label}.{key}")
                elif now[key] is not before[key]:
                    names.append(f"{label}.{key}")
        return sorted(names)

    def restore(self) -> None:
        for _label, target, before in self._saved:
            now = vars(target)
            for key in [k for k in now if k not in before and k not in _VOLATILE and not isinstance(now[k], types.ModuleType)]:
                try:
                    delattr(target, key)
                except (AttributeError, TypeError):
                    pass
            for key, value in before.items():
                if key in _VOLATILE:
                    continue
                if key not in now or now[key] is not value:
                    try:
                        setattr(target, key, value)
                    except (AttributeError, TypeError):
                        pass
