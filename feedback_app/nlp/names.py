"""Word lists for finding people's names: titles, relatives, first names, and words that are never names."""
from __future__ import annotations

# Titles that are followed by a name ("Dr Patel", "Schwester Anke", "Frau Müller").
TITLES = (
    "Dr", "Dr.", "Doctor", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Prof", "Prof.", "Professor",
    "med.", "Nurse", "Sister", "CPN", "HCA", "Physio", "Matron", "Sir", "Dame", "Nurse Practitioner", "Consultant", "Midwife",
    "Herr", "Herrn", "Frau", "Schwester", "Pfleger", "Pflegerin", "Bruder", "Oberarzt", "Oberärztin",
    "Chefarzt", "Chefärztin", "Ärztin", "Arzt", "Hebamme", "Therapeutin", "Therapeut", "Doktor", "Familie",
    # Clergy, as chaplains and visitors are named ("Pastor Adewale", "Pfarrerin Lange", "Imam Yusuf").
    "Pastor", "Pastorin", "Pfarrer", "Pfarrerin", "Reverend", "Rev", "Rev.", "Imam", "Rabbi",
)
# Relatives named right after the kinship word ("my husband Ken", "meine Tochter Lea").
RELATIVES_EN = (
    "husband", "wife", "partner", "son", "daughter", "mum", "mom", "mother", "dad", "father", "sister",
    "brother", "grandson", "granddaughter", "grandmother", "grandfather", "nan", "nana", "gran", "grandad",
    "grandma", "grandpa", "friend", "aunt", "uncle", "niece", "nephew", "baby", "boy", "girl", "neighbour",
    "carer", "fiancé", "fiance", "stepson", "stepdaughter", "cousin", "mother-in-law", "father-in-law",
    "sister-in-law", "brother-in-law", "son-in-law", "daughter-in-law",
)
RELATIVES_DE = (
    "Mann", "Frau", "Partner", "Partnerin", "Sohn", "Tochter", "Mutter", "Mama", "Vater", "Papa", "Schwester",
    "Bruder", "Enkel", "Enkelin", "Oma", "Opa", "Großmutter", "Großvater", "Freund", "Freundin", "Tante",
    "Onkel", "Nichte", "Neffe", "Nachbarin", "Nachbar", "Cousine", "Cousin", "Schwiegermutter", "Schwiegervater",
    "Lebensgefährte", "Lebensgefährtin", "Pflegetochter", "Pflegesohn", "Pflegekind", "Stieftochter", "Stiefsohn",
    "Schwiegertochter", "Schwiegersohn", "Schwägerin", "Schwager", "Urenkel", "Urenkelin", "Patenkind",
)
# Common first names (both countries); unambiguous enough to flag when capitalised on their own.
FIRST_NAMES = frozenset("""
Aaron Adam Ahmed Aisha Alan Albert Alex Alexander Alice Alison Amanda Amelia Amy Andrea Andreas Andrew Angela
Anke Ann Anna Anne Annette Anthony Antje Arthur Barbara Ben Benjamin Bernd Birgit Brian Carl Carol Caroline
Catherine Charles Charlie Charlotte Chloe Chris Christian Christina Christine Claire Claudia Colin Daniel
Daniela David Debbie Deborah Dennis Derek Diane Dieter Dirk Doris Dorothy Edith Edward Eleanor Elena Elisabeth
Elizabeth Ella Ellen Emily Emma Erika Eric Erik Felix Finn Fiona Florian Frank Franz Fred Gabriele Gareth
Gary Gemma Geoff George Gerhard Gisela Graham Gudrun Günter Günther Hannah Hans Harry Heike Heinz Helen Helga
Helmut Henry Holger Ian Ingrid Irene Isabel Jack Jackie James Jan Jane Janet Jason Jean Jennifer Jens Jessica
Joan Joanne Johann Johannes John Jonas Jonathan Jörg Joseph Julia Julie Jürgen Karen Karin Karl Kate Katharina
Kathleen Katrin Kay Keith Ken Kevin Klaus Kerstin Laura Lea Lena Leon Leonie Linda Lisa Lukas Lynn Maja Manfred
Margaret Maria Marie Marion Markus Martin Mary Matthew Matthias Max Maximilian Melanie Michael Michelle Mia
Mohammed Monika Nadine Natalie Nicola Nicole Niklas Nina Oliver Olivia Pamela Patricia Patrick Paul Paula
Peter Petra Philip Rachel Ralf Rebecca Renate Richard Robert Rolf Ruth Sabine Sally Samuel Sandra Sarah Sascha
Sebastian Sharon Simon Sophie Stefan Stefanie Stephen Steven Stuart Susan Susanne Tanja Thomas Tim Tobias Tom
Tony Torsten Ulrike Ursula Uwe Valerie Vanessa Victoria Walter Werner Wolfgang Yvonne Zoe Priya Raj Sanjay
Fatima Yusuf Mehmet Ayşe Ali Omar Jen Jenny Faye Nicki Nikki Becky Jo Sam Kim Liz Sue Bev Dave Steve Mike Rob
Pete Andy Jim Danny Jon Nick Matt Katie Kirsty Lauren Hayley Stacey Gail Tracy Tracey Dawn Lorraine Jill Lucy Beth
Bethany Lesley Leslie Marie Nadia Shirley Wendy Janice Beverley Gillian Hazel Carla Kelly Leanne Joanne Abdul
""".split())
# More first names of the people who use and staff services in both countries (Polish, Turkish, Arabic,
# West African, South Asian, Eastern European, older German and newer English ones).
FIRST_NAMES = FIRST_NAMES | frozenset("""
Agnieszka Tomasz Wojciech Kacper Katarzyna Małgorzata Piotr Krzysztof Paweł Marek Magdalena Joanna Łukasz Jakub
Grzegorz Marta Aleksandra Zofia Michał Dariusz Bartosz Ewa Beata Dorota Irena Janusz Mariusz Zbigniew Kamil Emir
Leyla Elif Zeynep Emine Hatice Fatma Murat Mustafa Ahmet Hüseyin Hasan İbrahim Ibrahim Yusuf Emre Burak Cem
Deniz Ayşe Aylin Selin Merve Özlem Serkan Kemal Orhan Tarık Tarek Khalid Hamza Bilal Karim Samir Layla Leila
Yasmin Amira Mariam Maryam Nour Noor Rania Hana Huda Salma Zainab Farah Reem Sara Aaliyah Imran Tariq Femi
Blessing Chidi Chukwuemeka Ngozi Adaeze Oluwaseun Seun Tunde Kemi Yetunde Kwame Kofi Abena Ebony Precious Favour
Chioma Emeka Obinna Uche Folake Bisi Temi Tobi Amara Nia Zara Imani Kwabena Akua Priyanka Anita Sunita Deepak
Amit Rahul Rohan Arjun Vikram Ravi Suresh Ramesh Rakesh Manish Neha Pooja Kavita Harpreet Gurpreet Jaspreet
Manpreet Simran Navjot Sandeep Rajesh Anil Asha Meena Lakshmi Parveen Nasreen Shabana Svetlana Olga Natalia
Natalja Tatjana Tatiana Irina Galina Ludmila Oksana Yulia Julija Anastasia Ekaterina Dmitri Sergei Sergej Andrei
Alexej Ivan Igor Nikolai Wladimir Vladimir Pavel Yuri Jurij Viktor Mihai Andrei Elena Ana Bogdan Florin Adriana
Ioana Nikola Milan Dragan Goran Zoran Jelena Ivana Marija Mirela Besnik Arben Blerim Nguyen Gertrud Friedrich
Hildegard Ilse Erna Elfriede Irmgard Waltraud Lieselotte Liselotte Ingeborg Brigitte Hannelore Margarete Gerda
Herta Hertha Käthe Marianne Rosemarie Christa Edeltraud Heinrich Wilhelm Otto Ernst Kurt Horst Herbert Rudolf
Gerd Gerhard Siegfried Alfred Reinhard Bernhard Eberhard Lothar Hartmut Dietmar Detlef Volker Jan-Hendrik
Hendrik Lars Nils Timo Jannik Lennart Malte Henrik Fynn Luca Noah Elias Ben Paul Emil Anton Mats Theo Jonah
Hannes Moritz Fabian Dominik Marcel Dennis Kai Sven Björn Jana Svenja Lara Lina Emilia Clara Ida Frieda Greta
Mila Luisa Marlene Johanna Carla Hanna Anja Silke Ines Jutta Dagmar Bärbel Heidi Liam Noah Oliver Leo Harry
Archie Oscar Alfie Freddie Theo Arthur Isla Ivy Ava Freya Poppy Evie Rosie Millie Daisy Ruby Grace Florence
Willow Phoebe Erin Megan Jade Chelsea Kayleigh Shannon Courtney Jamie Ryan Callum Connor Kieran Liam Declan
Ciara Aoife Niamh Siobhan Sinead Eilidh Morag Hamish Fraser Ellie Ellie-Mae Keeley Tyler Jordan Reece Bradley
Dean Lee Wayne Darren Craig Shaun Shane Gavin Neil Barry Trevor Clive Nigel Malcolm Doreen Maureen Pauline
Sheila Brenda Jean Joyce Sylvia Iris Vera Betty Peggy Edna Mavis Muriel Gladys Winifred Agnes Ada Elsie Ethel
Lily Mabel Nellie Stanley Ernest Harold Leonard Norman Ronald Kenneth Raymond Frank Cyril Priya Jasmine Shanice
Tasha Marcus Jerome Andre Desmond Winston Delroy Errol Tyrone Leroy Jermaine
""".split())
# Welsh, Irish and Scottish, Polish, Turkish, South Asian, Arabic, West and East African, and more German and
# English first names.
FIRST_NAMES = FIRST_NAMES | frozenset("""
Rhiannon Cerys Sian Siân Dylan Gethin Owain Bethan Ffion Carys Gwen Rhys Owen Evan Euan Ewan Eileen Aisling
Roisin Róisín Sean Seán Seamus Padraig Ciaran Oisin Orla Maeve Grainne Iain Ailsa Alasdair Kirsteen Zuzanna
Wiktoria Oliwia Szymon Filip Mateusz Stanisław Jadwiga Halina Danuta Krystyna Bożena Grażyna Elżbieta Teresa
Renata Agata Iwona Sylwia Justyna Gül Gülsüm Ayten Hülya Sevgi Songül Nurhan Osman Yasin Kadir Recep Erdal Levent
Volkan Cansu Esra Büşra Ebru Derya Sibel Filiz Dev Anjali Aarav Ishaan Kiran Nisha Sana Ayesha Bushra Shazia
Asif Zubair Usman Waqar Faisal Naveed Youssef Mahmoud Ahmad Hussein Abdullah Rami Nabil Fadi Ziad Dina Rasha
Ghada Adebayo Olumide Chinwe Ifeoma Nkechi Abimbola Kwesi Abdi Hodan Amina Mohamed Detlev Heiko Dörte Frauke
Imke Gesa Wiebke Meike Anneliese Hedwig Gertraud Franziska Theresa Veronika Nadja Chantal Mandy Jacqueline
Ronny Enrico Mirko Maik René Ute Karola Elke Kirsten Birte Maren Uta Hauke Bente Thorsten Carsten Jodie Jody
Kerry Tina Angie Carole Noreen Colleen Bridget Rhona Moira Shona Igor
""".split())
# More German first names, old and new.
FIRST_NAMES = FIRST_NAMES | frozenset("""
Konstantin Lotta Mira Frida Henri Ole Till Jannis Luise Helene Mathilda Nele Pia Romy Carlotta Leni Merle Thea
Alma Ella Mattis Linus Jakob Matteo Emilia Mathis Milan Maximilian Valentina Leonard Vincent Julian Benedikt Ludwig
Annika Sophia Charlotte Wilma Ronja Smilla Tilda Juna Amelie Marlon Levi Henry Oskar Karla Ronja Ilka Heidrun
Gunda Almut Hiltrud Roswitha Sieglinde Adelheid Traudl Walburga Veit Arne Jost Reinhold Manuela Sonja Silvia
Erwin Egon Erich Alois Hermann Fritz Willi Rüdiger Ewald Gustav Konrad Bruno Eugen Ferdinand Friedhelm Liesel
Lisbeth Hilde Mathilde Annemarie Irmtraud Hanne
""".split())
# More first names of older Germans, of English speakers, and of families from Greece, Italy, Spain, Portugal,
# Ukraine, Poland, the Balkans, Turkey, the Arab world and Vietnam, as they write in both countries.
FIRST_NAMES = FIRST_NAMES | frozenset("""
Rainer Josef Cornelia Dorothea Friederike Alfons Hubert Norbert Günter Gottfried Wolfram Burkhard Ulrich Dietrich
Joachim Jochen Harald Helmuth Axel Roland Hannelore Ottilie Luzia Regina Rita Elfi Gabi Tamara Swetlana Jelena
Danielle Terence Bernadette Geraldine Marjorie Beryl Phyllis Audrey Rita Maxine Sharon Tanya Terri Yvette Glenys
Gwyneth Dilys Bronwen Eamon Niall Colm Donal Fergal Brendan Aidan Caoimhe Saoirse Mairead Siobhán Aoibhinn
Eleni Dimitrios Georgios Konstantinos Nikolaos Ioannis Yannis Giorgos Vasilis Wassilios Katerina Despina Sofia
Antonio Giuseppe Giovanni Salvatore Francesco Luigi Marco Matteo Alessandro Lorenzo Giulia Francesca Chiara
Alessia Federica Rosaria Carmela Concetta Mateo Alejandro Carlos Javier Miguel Pablo Diego Lucía Carmen Pilar
Rocío Joaquim João Tiago Gonçalo Rui Inês Conceição Olena Oleksandr Oleksii Mykola Mykhailo Dmytro Andrii Andriy
Serhii Volodymyr Yaroslav Bohdan Taras Iryna Nataliia Viktoriia Yuliia Sofiia Kateryna Halyna Liudmyla Henryk
Jerzy Tadeusz Wiesław Zdzisław Ryszard Kazimierz Władysław Bogusław Leszek Jolanta Urszula Wanda Genowefa Emir
Edin Amir Adnan Senad Mirsad Amra Selma Lejla Ömer Kübra Hakan Mehmet Ayşegül Gülşen Fadime Yusuf Jamal Khaled
Walid Bassam Hassan Hussein Mahmud Samira Yasmina Lina Nadia Thanh Hoa Huong Linh Minh Tuan
""".split())
# Short English first names, and nicknames staff go by that are no other word ("gaz on nights", "Steffi aus der
# Frühschicht"; not "Daz", "Vic", "Mel"), and Yoruba ones common in UK care work.
FIRST_NAMES = FIRST_NAMES | frozenset("""
Dan Joe Phil Ted Kath Danny Dave Steve Mike Andy Bex Becca Gaz Shaz Jules Shelly Shelley Steffi Uschi Basti Bola
Bolaji Adewale Olu Tayo Funmi Dayo Yemi Segun
""".split())
# Common English first names of every generation the lists above lacked ("Dana", "Eli", "William", "Louise"),
# and more of Britain's South Asian and African families; words they also are stay out ("Amber", "Bill", "Guy" of
# Guy's Hospital, "Robin", "Penny", "Nana", "Miles", "Eve").
FIRST_NAMES = FIRST_NAMES | frozenset("""
Dana Eli Elijah Isaac Ethan Mason Logan Lucas Jacob Aiden Caleb Nathan Brandon Christopher Dominic Donald Douglas
Duncan Gordon Greg Jeff Jeremy Josh Joshua Lewis Luke Roger Ross Russell Scott Terry Toby William Abigail Clare
Denise Donna Heather Holly Katherine Leah Louise Lydia Melissa Molly Naomi Samantha Tara Khadija Muhammad Tendai
Anca Cian Dafydd Reginald Bernard Percy Nora Harriet Lottie Reuben Jude Asher Ezra Micah Isaiah Gideon Hugo Rupert
Giles Jasper Barnaby Maya Keisha Darnell Latoya Zain Rizwan Manjit Jaspal Kuldeep Sunil Meera Adrian Alistair Allan
Angus Annie Ashley Beatrice Bella Bernice Billy Bobby Bruce Bryan Cameron Carly Carmel Cassie Cathy Charlene Cheryl
Cliff Clifford Colette Conor Corinne Damian Damien Darcy Deirdre Delia Derrick Dolores Dominique Dora Edwin Elaine
Elliot Elliott Eloise Esther Evelyn Fergus Frances Francis Gabriel Geoffrey Gerald Gerard Gilbert Glenn Gloria
Harvey Hayden Howard Hugh Imogen Isabella Isobel Jake Janine Jayden Jeanette Jemima Jessie Jocelyn Joel Josephine
Judith Judy Juliet Justin Kathryn Kayla Kenny Kyle Lawrence Lenny Lillian Lionel Lois Lorna Louis Lyndsey Madeleine
Maisie Marcia Margot Marian Marilyn Martha Martyn Mathew Matilda Maurice Melvin Mervyn Mildred Miriam Mollie Monica
Myra Nancy Nathaniel Neville Nicholas Norma Ollie Patsy Penelope Philippa Polly Rachael Ralph Rebekah Rhoda Ricky
Robyn Rodney Ronnie Rosalind Rosemary Roy Sabrina Sadie Scarlett Selina Seth Sheena Sidney Sonia Tamsin Thelma
Tilly Timothy Tommy Travis Trudy Vernon Veronica Vicky Victor Vivian Vivienne Wallace Warren Wilfred Zachary Zak
Zoey Aditi Ashok Bhavna Dipak Gita Hema Jyoti Kamala Leela Mohan Nikhil Prakash Preeti Rekha Sachin Shanti Vijay
Vinod Abdullahi Adeola Afua Ayodele Babatunde Chinedu Ejike Folasade Ikechukwu Kehinde Nnamdi Olamide Taiwo Kojo
Tatenda Tinashe Rutendo Farai Thandiwe Sipho Themba
""".split())
# Illnesses named after people, named on their own after a relative ("mein Vater Alzheimer und Parkinson").
ILLNESSES = frozenset("""
Alzheimer Alzheimers Parkinson Parkinsons Crohn Asperger Tourette Hodgkin Huntington Bechterew Basedow Hashimoto
Cushing Addison Raynaud Sjögren Creutzfeldt Guillain
""".split())
# Known two-word names of organisations that look like people ("Marie Curie" nurses).
NOT_PEOPLE = frozenset({"Marie Curie", "Florence Nightingale", "Macmillan", "Mary Seacole"})
# Capitalised words that follow a title but are not names ("Dr on call", "Sister ward").
NOT_NAMES = frozenset("""
The A An On In At And Or Of For To From With Was Were Is Are Who Which That This Ward Team Unit Department
Clinic Hospital Surgery Practice Station Nurse Nurses Doctor Doctors Sister Staff Consultant Consultants
Registrar Surgeon Midwife Matron Manager Receptionist Carer Carers GP Im Am Der Die Das Den Dem Und Von Zu Mit
War Ist Hat Hatte Sehr Auch Station Klinik Praxis Team Ärztin Arzt Pflege Personal Schwestern Nicht Kein Keine
Leider Dann Danach Heute Gestern Ich Wir Sie Er Es Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December Montag Dienstag Mittwoch
Donnerstag Freitag Samstag Sonntag Januar Februar März Juni Juli Oktober Dezember NHS Covid Corona Christmas
Weihnachten Ostern Easter Thank Thanks Danke Bitte Please Yes No Ja Nein Mein Meine Unser Unsere My Our His Her
Their Your Ihr Ihre Sein Seine Dein Deine All Alle Everyone Everything Nothing Nichts Alles Jeder Jede Best Very
Jahrgang Baujahr Alter Geburtsjahr Geburtstag Namenstag Hochzeitstag Termin Besuch Google
""".split())
# A name right before one of these names a place, not a person ("Queen Elizabeth Hospital", "Florence Ward").
PLACE_WORDS = frozenset("""
Hospital Infirmary Ward Unit Centre Center House Clinic Surgery Practice Home Court Lodge Hall Road Street Lane
Avenue Way Close Drive Trust Hospice Building Wing Block Klinik Klinikum Krankenhaus Station Praxis Haus Heim
Zentrum Stift Straße Strasse Weg Platz Allee Hospiz Wohnheim Pflegeheim Health Medical Memorial
""".split())
