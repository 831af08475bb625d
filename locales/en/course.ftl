# Course-wide strings for the sample course (English, source locale).

course-title = Countering Trafficking in Persons
course-description = Training for police, prosecutors and judges in Uzbekistan on defining, investigating, prosecuting and adjudicating trafficking in persons.
course-short-title = Countering Trafficking
course-organisation = Sample Training Academy
course-audience = Investigators, operational police officers, prosecutors, judges and academy trainers
course-disclaimer = All case examples are fictional. The course is a training aid, not legal advice: always work from the current official text of the law.
