/* darslik question forms (contract: matching, ordering, short answers). Plain ES5.
   Filled in by issue 19's work; see window.darslikForms. */
(function () {
  'use strict';
}());
