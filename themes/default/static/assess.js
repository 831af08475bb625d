/* darslik graded assessments (pre-test, post-test, graded pages). Plain ES5.
   Filled in by issue 19's work; see window.darslikAssess. */
(function () {
  'use strict';
}());
